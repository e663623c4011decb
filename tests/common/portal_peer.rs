//! A test desktop portal on a real bus: `org.freedesktop.portal.OpenURI` at
//! `/org/freedesktop/portal/desktop`, owning `org.freedesktop.portal.Desktop`. It opens
//! nothing; it records which file each `OpenFile` descriptor refers to.

use std::collections::HashMap;
use std::os::fd::AsRawFd;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use zbus::connection::{Builder, Connection};
use zbus::{OwnedObjectPath, OwnedVariant, interface};

/// One `OpenFile` call.
#[derive(Clone, Debug)]
pub struct Opened {
    /// Where the descriptor pointed (`/proc/self/fd/N`).
    pub path: PathBuf,
    /// Whether the descriptor was open for writing.
    pub writable_fd: bool,
    /// The option keys given.
    pub options: Vec<String>,
}

struct OpenUri {
    opened: Arc<Mutex<Vec<Opened>>>,
}

#[interface(name = "org.freedesktop.portal.OpenURI")]
impl OpenUri {
    async fn open_file(
        &self,
        _parent_window: String,
        fd: zbus::OwnedFd,
        options: HashMap<String, OwnedVariant>,
    ) -> OwnedObjectPath {
        let raw = fd.as_raw_fd();
        let path = std::fs::read_link(format!("/proc/self/fd/{raw}")).unwrap_or_default();
        let flags = rustix::fs::fcntl_getfl(&fd).unwrap_or(rustix::fs::OFlags::empty());
        let writable_fd =
            flags.contains(rustix::fs::OFlags::RDWR) || flags.contains(rustix::fs::OFlags::WRONLY);
        let mut options: Vec<String> = options.into_keys().collect();
        options.sort();
        self.opened
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Opened {
                path,
                writable_fd,
                options,
            });
        OwnedObjectPath::try_from("/org/freedesktop/portal/desktop/request/1_1/t")
            .expect("a valid path")
    }
}

/// The running test portal.
pub struct Portal {
    _connection: Connection,
    opened: Arc<Mutex<Vec<Opened>>>,
}

impl Portal {
    /// Serves the portal on the bus at `address`.
    pub async fn start(address: &str) -> Portal {
        let opened = Arc::new(Mutex::new(Vec::new()));
        let connection = Builder::address(address)
            .serve_at(
                "/org/freedesktop/portal/desktop",
                OpenUri {
                    opened: Arc::clone(&opened),
                },
            )
            .name("org.freedesktop.portal.Desktop")
            .build()
            .await
            .expect("the test portal cannot start");
        Portal {
            _connection: connection,
            opened,
        }
    }

    /// Every `OpenFile` call so far.
    pub fn opened(&self) -> Vec<Opened> {
        self.opened
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}
