//! Which regulations the trigger questions' answers propose, and why: a pure function of the
//! answers, so the page, the CLI and the tests agree.

use super::{Answers, DataKind, Industry};

pub const GDPR: &str = "builtin-gdpr";
pub const HIPAA: &str = "builtin-hipaa";
pub const PCI_DSS: &str = "builtin-pci-dss";
pub const FERPA: &str = "builtin-ferpa";
pub const COPPA: &str = "builtin-coppa";

/// (regulation id, the answers that propose it), in the library's order, each once.
pub fn proposals(a: &Answers) -> Vec<(&'static str, Vec<String>)> {
    let mut out: Vec<(&'static str, Vec<String>)> = Vec::new();
    let mut add = |id: &'static str, why: String| match out.iter_mut().find(|(r, _)| *r == id) {
        Some((_, reasons)) => reasons.push(why),
        None => out.push((id, vec![why])),
    };
    for kind in a.data.iter().flatten() {
        let id = match kind {
            DataKind::EuPersonal => GDPR,
            DataKind::UsHealth => HIPAA,
            DataKind::Card => PCI_DSS,
            DataKind::Student => FERPA,
            DataKind::Children => COPPA,
            DataKind::None => continue,
        };
        add(id, format!("You store {}", kind.label()));
    }
    if a.payments == Some(true) {
        add(PCI_DSS, "You take payments or touch financial data".into());
    }
    let industry = match a.industry {
        Some(Industry::Healthcare) => Some((HIPAA, "healthcare")),
        Some(Industry::Education) => Some((FERPA, "education")),
        Some(Industry::Finance) => Some((PCI_DSS, "finance")),
        _ => None,
    };
    if let Some((id, name)) = industry {
        add(id, format!("You serve {name}"));
    }
    let order = [GDPR, HIPAA, PCI_DSS, FERPA, COPPA];
    out.sort_by_key(|(id, _)| order.iter().position(|o| o == id));
    out
}
