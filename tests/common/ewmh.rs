//! Playing an EWMH window manager on a test X server: windows of our own whose
//! `_NET_WM_STATE` we set, and the root's `_NET_ACTIVE_WINDOW` pointed at them, as a window
//! manager would on focus and on a fullscreen request.

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{
    AtomEnum, ConnectionExt as _, CreateWindowAux, PropMode, Window, WindowClass,
};
use x11rb::rust_connection::RustConnection;
use x11rb::wrapper::ConnectionExt as _;

x11rb::atom_manager! {
    Atoms: AtomsCookie {
        _NET_ACTIVE_WINDOW,
        _NET_WM_STATE,
        _NET_WM_STATE_FULLSCREEN,
        _NET_WM_STATE_ABOVE,
        _NET_WM_NAME,
        UTF8_STRING,
    }
}

/// A connection to a test X server that plays the window manager's part.
pub struct Ewmh {
    conn: RustConnection,
    root: Window,
    atoms: Atoms,
}

impl Ewmh {
    /// Connects to `display` (a live Xvfb).
    pub fn connect(display: &str) -> Ewmh {
        let (conn, screen) = x11rb::connect(Some(display))
            .unwrap_or_else(|e| panic!("cannot connect to X display {display}: {e}"));
        let root = conn.setup().roots[screen].root;
        let atoms = Atoms::new(&conn)
            .expect("cannot intern the EWMH atoms")
            .reply()
            .expect("cannot intern the EWMH atoms");
        Ewmh { conn, root, atoms }
    }

    /// A new mapped top-level window whose `WM_CLASS` is `class` (none if empty).
    pub fn window(&self, class: &str) -> Window {
        let window = self.conn.generate_id().expect("an X id");
        self.conn
            .create_window(
                x11rb::COPY_DEPTH_FROM_PARENT,
                window,
                self.root,
                0,
                0,
                320,
                240,
                0,
                WindowClass::INPUT_OUTPUT,
                x11rb::COPY_FROM_PARENT,
                &CreateWindowAux::new(),
            )
            .expect("cannot create a window");
        if !class.is_empty() {
            let value = format!("{class}\0{class}\0");
            self.conn
                .change_property8(
                    PropMode::REPLACE,
                    window,
                    AtomEnum::WM_CLASS,
                    AtomEnum::STRING,
                    value.as_bytes(),
                )
                .expect("cannot set WM_CLASS");
        }
        self.conn.map_window(window).expect("cannot map a window");
        self.sync();
        window
    }

    /// Sets `window`'s title (`_NET_WM_NAME`).
    pub fn set_title(&self, window: Window, title: &str) {
        self.conn
            .change_property8(
                PropMode::REPLACE,
                window,
                self.atoms._NET_WM_NAME,
                self.atoms.UTF8_STRING,
                title.as_bytes(),
            )
            .expect("cannot set _NET_WM_NAME");
        self.sync();
    }

    /// Points the root's `_NET_ACTIVE_WINDOW` at `window` (`None`: no window focused).
    pub fn activate(&self, window: Option<Window>) {
        self.conn
            .change_property32(
                PropMode::REPLACE,
                self.root,
                self.atoms._NET_ACTIVE_WINDOW,
                AtomEnum::WINDOW,
                &[window.unwrap_or(x11rb::NONE)],
            )
            .expect("cannot set _NET_ACTIVE_WINDOW");
        self.sync();
    }

    /// Sets `window`'s `_NET_WM_STATE`: fullscreen (with "above", as window managers
    /// often add) or an empty state.
    pub fn set_fullscreen(&self, window: Window, fullscreen: bool) {
        let states: &[u32] = if fullscreen {
            &[
                self.atoms._NET_WM_STATE_ABOVE,
                self.atoms._NET_WM_STATE_FULLSCREEN,
            ]
        } else {
            &[]
        };
        self.conn
            .change_property32(
                PropMode::REPLACE,
                window,
                self.atoms._NET_WM_STATE,
                AtomEnum::ATOM,
                states,
            )
            .expect("cannot set _NET_WM_STATE");
        self.sync();
    }

    /// Destroys `window`.
    pub fn destroy(&self, window: Window) {
        self.conn
            .destroy_window(window)
            .expect("cannot destroy a window");
        self.sync();
    }

    /// Waits until the server has done everything sent so far.
    fn sync(&self) {
        self.conn
            .get_input_focus()
            .expect("cannot send a request")
            .reply()
            .expect("the X server did not answer");
    }
}
