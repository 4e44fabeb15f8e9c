//! The day's backup, taken at launch on a thread of its own with its own connection, so a
//! large workspace never holds up the first screen. At most one a day; the core rotates them.

use chrono::Local;
use northstar_core::backup;
use northstar_core::store::{Store, DB_FILE};
use std::path::PathBuf;

pub fn spawn_daily(data_dir: PathBuf) {
    let spawned = std::thread::Builder::new()
        .name("backup".into())
        .spawn(move || {
            let taken = Store::open(&data_dir.join(DB_FILE))
                .and_then(|store| backup::auto_backup(&store, Local::now().naive_local()));
            if let Err(e) = taken {
                // The workspace itself is fine; say why there is no backup today.
                eprintln!("northstar: today's backup was not taken: {e}");
            }
        });
    if let Err(e) = spawned {
        eprintln!("northstar: today's backup was not taken: {e}");
    }
}
