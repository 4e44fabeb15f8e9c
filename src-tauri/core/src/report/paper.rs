//! Paper sizes: A4 or US Letter, with the default taken from the system locale the way
//! `LC_PAPER` works on Linux (US Letter in the Americas that use it, A4 everywhere else).

use crate::error::Result;
use crate::store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The settings key holding the paper last chosen, in Settings or by exporting on it.
const SETTING: &str = "paper";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// Territories whose locales print on US Letter (glibc's `LC_PAPER` data agrees).
const LETTER_TERRITORIES: &[&str] = &[
    "US", "CA", "MX", "PH", "PR", "CL", "CO", "VE", "CR", "GT", "SV", "NI", "PA", "DO",
];

impl Paper {
    /// The paper a locale name implies: `en_US.UTF-8`, `fr_CA`, `es-MX` (BCP 47 style, as macOS
    /// and Windows spell it) and `en_PH@euro` all work; anything unrecognised is A4.
    pub fn from_locale(locale: &str) -> Paper {
        let name = locale.split(['.', '@']).next().unwrap_or("");
        let territory = name.split(['_', '-']).nth(1).unwrap_or("");
        if LETTER_TERRITORIES
            .iter()
            .any(|t| t.eq_ignore_ascii_case(territory))
        {
            Paper::Letter
        } else {
            Paper::A4
        }
    }

    /// The system default: the first of `LC_ALL`, `LC_PAPER`, `LANG` that is set and not
    /// empty, in the precedence POSIX gives them.
    pub fn from_env() -> Paper {
        Paper::from_locale_vars(|k| std::env::var(k).ok())
    }

    /// [`Paper::from_env`] over any variable source, so the precedence can be tested without
    /// touching the process environment.
    pub fn from_locale_vars(var: impl Fn(&str) -> Option<String>) -> Paper {
        ["LC_ALL", "LC_PAPER", "LANG"]
            .iter()
            .filter_map(|k| var(k))
            .find(|v| !v.trim().is_empty())
            .map_or(Paper::A4, |v| Paper::from_locale(&v))
    }

    /// The name it crosses IPC and is stored under.
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }

    /// Width and height in points.
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// The paper to offer: the one last chosen, else the one the system locale implies (also when
/// the stored name is not one this version knows).
pub fn preferred(store: &Store) -> Result<Paper> {
    let stored = store.setting(SETTING)?;
    Ok([Paper::A4, Paper::Letter]
        .into_iter()
        .find(|p| stored.as_deref() == Some(p.name()))
        .unwrap_or_else(Paper::from_env))
}

/// Remembers `paper` as the one to offer next time.
pub fn set_preferred(store: &Store, paper: Paper) -> Result<()> {
    store.set_setting(SETTING, paper.name())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;

    #[test]
    fn us_letter_locales_get_letter_and_the_rest_a4() {
        for l in [
            "en_US",
            "en_US.UTF-8",
            "en_CA.utf8",
            "es_MX",
            "fr_CA",
            "en_PH",
            "es_US",
            "en-US",
            "es_CL@x",
        ] {
            assert_eq!(Paper::from_locale(l), Paper::Letter, "{l}");
        }
        for l in [
            "en_GB.UTF-8",
            "de_DE",
            "fr_FR",
            "pt_BR",
            "C",
            "POSIX",
            "",
            "C.UTF-8",
            "ja_JP.eucJP",
            "en",
        ] {
            assert_eq!(Paper::from_locale(l), Paper::A4, "{l}");
        }
    }

    #[test]
    fn lc_all_beats_lc_paper_beats_lang_and_empty_values_are_skipped() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Paper::from_locale_vars(env(&[("LANG", "en_US.UTF-8")])),
            Paper::Letter
        );
        assert_eq!(
            Paper::from_locale_vars(env(&[("LANG", "en_US.UTF-8"), ("LC_PAPER", "de_DE.UTF-8")])),
            Paper::A4
        );
        assert_eq!(
            Paper::from_locale_vars(env(&[("LC_ALL", "en_CA"), ("LC_PAPER", "de_DE")])),
            Paper::Letter
        );
        assert_eq!(
            Paper::from_locale_vars(env(&[("LC_ALL", ""), ("LANG", "es_MX")])),
            Paper::Letter
        );
        assert_eq!(Paper::from_locale_vars(env(&[])), Paper::A4);
    }

    #[test]
    fn paper_names_cross_ipc_in_snake_case() {
        assert_eq!(serde_json::to_string(&Paper::A4).unwrap(), "\"a4\"");
        assert_eq!(
            serde_json::from_str::<Paper>("\"letter\"").unwrap(),
            Paper::Letter
        );
    }

    #[test]
    fn the_chosen_paper_is_kept_and_an_unknown_stored_name_falls_back() {
        let store = Store::open_in_memory(Box::new(FixedClock(chrono::Utc::now()))).unwrap();
        assert_eq!(preferred(&store).unwrap(), Paper::from_env());
        for paper in [Paper::Letter, Paper::A4, Paper::Letter] {
            set_preferred(&store, paper).unwrap();
            assert_eq!(preferred(&store).unwrap(), paper);
        }
        store.set_setting(SETTING, "tabloid").unwrap();
        assert_eq!(preferred(&store).unwrap(), Paper::from_env());
    }

    #[test]
    fn names_match_the_ipc_names() {
        for paper in [Paper::A4, Paper::Letter] {
            assert_eq!(
                serde_json::to_value(paper).unwrap(),
                serde_json::Value::String(paper.name().to_owned())
            );
        }
    }
}
