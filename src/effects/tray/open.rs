//! "Open config file": hand the file to the user's editor without the editor becoming
//! part of deskbreak.
//!
//! Under the systemd service, a child process would inherit the service's sandbox
//! (`MemoryDenyWriteExecute` is a seccomp filter, which kills editors with a JIT, and
//! `NoNewPrivileges`) and be killed with the service's cgroup when deskbreak stops. So:
//!
//! 1. the desktop portal (`org.freedesktop.portal.OpenURI.OpenFile`, given an open file
//!    descriptor): the desktop starts the editor, outside our process tree;
//! 2. no portal, under systemd: `systemd-run --user` starts `xdg-open` as a transient
//!    service of the user manager (a fresh process, not our child; `--scope` would only
//!    move our own child into another cgroup, sandbox and all). `ExitType=cgroup` keeps
//!    that unit, and so the editor, alive after `xdg-open` itself exits;
//! 3. otherwise (started by hand or by XDG autostart, no sandbox): `xdg-open` directly,
//!    in a process group of its own.
//!
//! Each step is bounded in time. A missing config file is first created with the
//! commented defaults, so that the editor opens something worth reading.

use std::collections::HashMap;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use zbus::{Connection, OwnedObjectPath, Variant, proxy};

/// How long each way of opening may take before the next is tried.
const STEP_TIMEOUT: Duration = Duration::from_secs(10);

#[proxy(
    interface = "org.freedesktop.portal.OpenURI",
    default_service = "org.freedesktop.portal.Desktop",
    default_path = "/org/freedesktop/portal/desktop"
)]
trait OpenUri {
    fn open_file(
        &self,
        parent_window: &str,
        fd: zbus::Fd<'_>,
        options: HashMap<&str, Variant<'_>>,
    ) -> zbus::Result<OwnedObjectPath>;
}

/// Why the file could not be handed over.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The file could not be created or opened.
    #[error("{path}: {source}")]
    File {
        /// The config file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// No way of opening it worked; each attempt's reason.
    #[error("no way to open it worked ({0})")]
    Nothing(String),
}

/// Open `path` in the user's editor, creating it from `default` if it is missing.
pub async fn open(
    connection: &Connection,
    path: &Path,
    default: &str,
) -> Result<String, OpenError> {
    let file = ensure(path, default).await?;
    let mut failures = Vec::new();
    match tokio::time::timeout(STEP_TIMEOUT, portal(connection, &file)).await {
        Ok(Ok(())) => return Ok("the desktop portal".to_owned()),
        Ok(Err(err)) => failures.push(format!("portal: {err}")),
        Err(_) => failures.push("portal: no answer".to_owned()),
    }
    drop(file);
    let attempts: Vec<(&str, Vec<String>)> = {
        let target = path.display().to_string();
        let mut attempts = Vec::new();
        if under_systemd() {
            attempts.push((
                "systemd-run",
                vec![
                    "--user".into(),
                    "--quiet".into(),
                    "--collect".into(),
                    "--property=ExitType=cgroup".into(),
                    "--".into(),
                    "xdg-open".into(),
                    target.clone(),
                ],
            ));
        }
        attempts.push(("xdg-open", vec![target]));
        attempts
    };
    for (program, args) in attempts {
        match run(program, &args).await {
            Ok(()) => return Ok(program.to_owned()),
            Err(reason) => failures.push(format!("{program}: {reason}")),
        }
    }
    Err(OpenError::Nothing(failures.join("; ")))
}

/// Whether this process runs as a systemd unit (and so in its sandbox and cgroup).
fn under_systemd() -> bool {
    std::env::var_os("INVOCATION_ID").is_some()
}

/// Open `path` for the portal, writing `default` there first if nothing is there.
async fn ensure(path: &Path, default: &str) -> Result<std::fs::File, OpenError> {
    let path = path.to_owned();
    let default = default.to_owned();
    let err = |path: &Path, source| OpenError::File {
        path: path.display().to_string(),
        source,
    };
    tokio::task::spawn_blocking(move || {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| err(dir, e))?;
        }
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
        {
            Ok(mut new) => {
                new.write_all(default.as_bytes())
                    .map_err(|e| err(&path, e))?;
                tracing::info!(path = %path.display(), "config file created with the defaults");
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(err(&path, e)),
        }
        // Non-blocking: a FIFO in its place must not hang the tray.
        // Writable: the portal offers editors only for a descriptor that can write.
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
            .open(&path)
            .map_err(|e| err(&path, e))?;
        let is_file = file.metadata().map_err(|e| err(&path, e))?.is_file();
        if !is_file {
            return Err(err(&path, std::io::Error::other("not a regular file")));
        }
        Ok(file)
    })
    .await
    .map_err(|e| OpenError::File {
        path: String::new(),
        source: std::io::Error::other(e),
    })?
}

async fn portal(connection: &Connection, file: &std::fs::File) -> zbus::Result<()> {
    use std::os::fd::AsFd;
    let portal = OpenUriProxy::builder(connection)
        .cache_properties(zbus::proxy::CacheProperties::No)
        .build()
        .await?;
    let mut options = HashMap::new();
    // Offer editors, not viewers.
    options.insert("writable", Variant::from(true));
    let request = portal.open_file("", file.as_fd().into(), options).await?;
    tracing::debug!(request = %request.as_str(), "config handed to the portal");
    Ok(())
}

/// Run `program args…` and wait (bounded) for it to hand the file over.
async fn run(program: &str, args: &[String]) -> Result<(), String> {
    let mut child = tokio::process::Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // Its own process group: a signal meant for deskbreak's is not the editor's.
        .process_group(0)
        .spawn()
        .map_err(|e| e.to_string())?;
    match tokio::time::timeout(STEP_TIMEOUT, child.wait()).await {
        Ok(Ok(status)) if status.success() => Ok(()),
        Ok(Ok(status)) => Err(format!("exited with {status}")),
        Ok(Err(e)) => Err(e.to_string()),
        // Still running (an editor in the foreground, say): it has the file; tokio
        // reaps it when it ends.
        Err(_) => Ok(()),
    }
}
