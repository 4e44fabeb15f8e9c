//! The day's backup, taken just after launch on a thread of its own with its own connection,
//! once the first screen has had the machine: on a large workspace the copy is a third of a
//! second of disk and CPU. At most one a day; the core rotates them.

use chrono::Local;
use northstar_core::backup;
use northstar_core::store::{Store, DB_FILE};
use std::path::PathBuf;
use std::time::Duration;

/// Long enough for the first screen to paint, short enough that a quick look still backs up.
const AFTER_LAUNCH: Duration = Duration::from_secs(3);

pub fn spawn_daily(data_dir: PathBuf) {
    let spawned = std::thread::Builder::new()
        .name("backup".into())
        .spawn(move || {
            std::thread::sleep(AFTER_LAUNCH);
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
