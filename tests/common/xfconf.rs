//! A stand-in for xfconfd (`org.xfce.Xfconf` at `/org/xfce/Xfconf`) with the calls and
//! signals xfce4-notifyd's do-not-disturb goes through: `GetProperty(channel, property)`
//! (`org.xfce.Xfconf.Error.PropertyNotFound` for a property never set), `SetProperty`,
//! `PropertyChanged(channel, property, value)`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use zbus::connection::{Builder, Connection};
use zbus::object_server::SignalEmitter;
use zbus::{OwnedVariant, interface};

const NAME: &str = "org.xfce.Xfconf";
const PATH: &str = "/org/xfce/Xfconf";

/// xfconfd's errors, by their D-Bus names.
#[derive(Debug, zbus::DBusError)]
#[zbus(prefix = "org.xfce.Xfconf.Error")]
enum XfconfError {
    #[zbus(error)]
    ZBus(zbus::Error),
    /// The property is not set in the channel.
    PropertyNotFound(String),
}

type Store = Arc<Mutex<HashMap<(String, String), OwnedVariant>>>;

struct Xfconf {
    store: Store,
}

#[interface(name = "org.xfce.Xfconf")]
impl Xfconf {
    async fn get_property(
        &self,
        channel: String,
        property: String,
    ) -> Result<OwnedVariant, XfconfError> {
        let store = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        match store.get(&(channel.clone(), property.clone())) {
            Some(value) => value.try_clone().map_err(XfconfError::ZBus),
            None => Err(XfconfError::PropertyNotFound(format!(
                "Property \"{property}\" does not exist on channel \"{channel}\""
            ))),
        }
    }

    #[zbus(signal)]
    async fn property_changed(
        emitter: &SignalEmitter<'_>,
        channel: &str,
        property: &str,
        value: zbus::Variant<'_>,
    ) -> zbus::Result<()>;
}

/// The running xfconfd stand-in.
pub struct XfconfPeer {
    conn: Connection,
    store: Store,
}

impl XfconfPeer {
    /// Serve `org.xfce.Xfconf` on the bus at `address`, with nothing set.
    pub async fn start(address: &str) -> XfconfPeer {
        let store = Store::default();
        let conn = Builder::address(address)
            .serve_at(
                PATH,
                Xfconf {
                    store: Arc::clone(&store),
                },
            )
            .name(NAME)
            .build()
            .await
            .unwrap_or_else(|e| panic!("xfconfd stand-in cannot start: {e}"));
        XfconfPeer { conn, store }
    }

    /// Set a boolean, as `xfconf-query -c CHANNEL -p PROPERTY -s true` does, and announce it.
    pub async fn set_bool(&self, channel: &str, property: &str, value: bool) {
        self.store
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert((channel.into(), property.into()), OwnedVariant::from(value));
        self.conn
            .emit_signal(
                None::<zbus::names::BusName<'_>>,
                PATH,
                NAME,
                "PropertyChanged",
                &(channel, property, zbus::Variant::from(value)),
            )
            .await
            .unwrap_or_else(|e| panic!("cannot emit PropertyChanged: {e}"));
    }
}
