//! Accessibility in the real window (issue 12): axe-core, injected into the running WebKit page
//! through WebDriver, checks every page of the demo project (each area and Compliance view, the
//! all-projects agenda, Settings) and the dialogs (new project, delete confirmation, reminders,
//! workspace, a row editor, the command palette, the trash) in the light and the dark theme, both
//! picked in Settings. Any serious or critical violation fails the test, listed by rule, target and
//! summary. On the same pages Tab is pressed round every control: each one reached must draw a
//! visible focus ring, and every visible control must be reached (or be an arrow-key member of a
//! widget that is). And every status shown (chips, bands, badges) must carry a word or an icon, not
//! colour alone.
//!
//! The app's CSP (`script-src 'self'`) does not apply here: WebDriver's "execute script" runs
//! its code through WebKit's automation session, not as a page script, so the page itself still
//! cannot load anything from elsewhere.

use crate::harness::{App, Harness};
use crate::tid;
use fantoccini::key::Key;
use northstar_core::demo::DEMO_NAME;
use serde_json::json;

/// axe-core from the UI's devDependencies (`npm --prefix ui ci` installs it).
fn axe_source() -> String {
    let path = northstar_tests::workspace_root().join("ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{} could not be read ({e}): run `npm --prefix ui ci` (axe-core is a devDependency of the UI).",
            path.display()
        )
    })
}

async fn inject_axe(app: &App, source: &str) {
    let kind = app
        .js(&format!("{source}\n;return typeof window.axe.run"), vec![])
        .await;
    assert_eq!(kind, "function", "axe-core did not load in the page");
}

/// Runs axe over the whole document; returns one line per serious or critical violation.
async fn audit(app: &App, page: &str) -> Vec<String> {
    let started = std::time::Instant::now();
    let result = app
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then(
               (r) => done(r.violations
                 .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                 .map((v) => ({
                   id: v.id,
                   impact: v.impact,
                   help: v.help,
                   nodes: v.nodes.slice(0, 5).map((n) => ({
                     target: n.target.join(' '),
                     summary: (n.failureSummary || '').replace(/\\s+/g, ' '),
                   })),
                   count: v.nodes.length,
                 }))),
               (e) => done({ error: String(e) }),
             );",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("axe.run failed on {page}: {e}"));
    if let Some(err) = result.get("error") {
        panic!("axe.run failed on {page}: {err}");
    }
    eprintln!("axe: {page} in {} ms", started.elapsed().as_millis());
    let mut lines = Vec::new();
    for v in result.as_array().expect("violations") {
        for n in v["nodes"].as_array().into_iter().flatten() {
            lines.push(format!(
                "{page}: {} ({}, {} nodes) – {}\n    at {}\n    {}",
                v["id"].as_str().unwrap_or_default(),
                v["impact"].as_str().unwrap_or_default(),
                v["count"],
                v["help"].as_str().unwrap_or_default(),
                n["target"].as_str().unwrap_or_default(),
                n["summary"].as_str().unwrap_or_default(),
            ));
        }
    }
    lines
}

/// Statuses shown by colour alone: every visible element carrying a status (`data-status`, the
/// chips, bands and badges) must also hold a word or an icon.
async fn colour_only(app: &App, page: &str) -> Vec<String> {
    let found = app
        .js(
            "return Array.from(document.querySelectorAll('[data-status], [data-band], [data-readiness], .chip, .badge'))
               .filter((el) => el.getClientRects().length > 0 && !el.closest('[inert]'))
               .filter((el) => !el.innerText.trim() && !el.querySelector('.icon, svg'))
               .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.dataset.testid ?? ''} (${el.dataset.status ?? el.dataset.band ?? el.dataset.readiness ?? ''})`);",
            vec![],
        )
        .await;
    found
        .as_array()
        .into_iter()
        .flatten()
        .map(|w| {
            format!(
                "{page}: status by colour alone: {}",
                w.as_str().unwrap_or_default()
            )
        })
        .collect()
}

/// Presses Tab through the page (or the open dialog). Returns how many controls it reached, and
/// the problems: controls that drew no visible focus ring, and visible enabled controls it never
/// reached. Roving focus is allowed for: a control Tab skips is fine when it says so
/// (`tabindex="-1"`) and one of its kind (same role, else same test id) was reached, the one Tab
/// stop of a set the arrow keys move through (tabs, score radios, heat-map cells, agenda and
/// risk rows); a radio when one of its group was. Stops when the focus comes back to the first
/// control, or after `max` presses.
async fn keyboard_walk(app: &App, page: &str, max: usize) -> (usize, Vec<String>) {
    // What has the focus after each Tab, and how it looks then. Read on keyup rather than
    // focusin: WebKit's date and time fields take the focus inside their own shadow tree,
    // where no focusin reaches the document, but the key's events do.
    app.js(
        "window.__focusSeen = [];
         window.__focusRecord ??= (e) => {
           if (e.key !== 'Tab') return;
           const el = document.activeElement;
           if (!el || el === document.body || window.__focusSeen.at(-1)?.el === el) return;
           const s = getComputedStyle(el);
           const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1
             && !/rgba\\(.*, 0\\)|transparent/.test(s.outlineColor);
           const shadow = s.boxShadow !== 'none' && !/rgba\\(.*, 0\\)/.test(s.boxShadow);
           const name = el.getAttribute('aria-label') || el.dataset.testid || el.id
             || (el.innerText || el.value || el.placeholder || '').trim().slice(0, 40);
           const role = el.getAttribute('role');
           window.__focusSeen.push({
             el,
             what: `${el.tagName.toLowerCase()}${role ? `[role=${role}]` : ''} “${name}”`,
             visible: ring || shadow,
           });
         };
         document.removeEventListener('keyup', window.__focusRecord, true);
         document.addEventListener('keyup', window.__focusRecord, true);",
        vec![],
    )
    .await;
    let tabs: String = std::iter::repeat_n(char::from(Key::Tab), max).collect();
    app.type_keys(&tabs).await;
    let walk = app
        .js(
            "const seen = window.__focusSeen;
             const again = seen.findIndex((s, i) => i > 0 && s.el === seen[0].el);
             const round = again > 0 ? seen.slice(0, again) : seen;
             const reached = new Set(round.map((s) => s.el));
             const scope = document.querySelector('[aria-modal=true]') ?? document;
             const controls = scope.querySelectorAll('button, input, select, textarea, a[href], summary, [tabindex]:not([tabindex=\"-1\"])');
             const kind = (el) => (el.getAttribute('role') && `role=${el.getAttribute('role')}`) || el.dataset.testid;
             const roving = (el) => el.type === 'radio'
               ? round.some((s) => s.el.type === 'radio' && s.el.name === el.name && s.el.form === el.form)
               : el.getAttribute('tabindex') === '-1' && !!kind(el) && round.some((s) => kind(s.el) === kind(el));
             const missed = Array.from(controls)
               .filter((el) => !reached.has(el) && !el.disabled && !el.closest('[inert], fieldset:disabled')
                 && el.getClientRects().length > 0 && !roving(el))
               .map((el) => `${el.tagName.toLowerCase()} “${el.getAttribute('aria-label') || el.dataset.testid || (el.innerText || '').trim().slice(0, 40)}”`);
             return {
               complete: again > 0,
               missed,
               noRing: round.filter((s) => !s.visible).map((s) => s.what),
               reached: round.length,
             };",
            vec![],
        )
        .await;
    let reached = walk["reached"].as_u64().unwrap_or(0) as usize;
    let strings = |k: &str| -> Vec<String> {
        walk[k]
            .as_array()
            .into_iter()
            .flatten()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let mut bad: Vec<String> = strings("noRing")
        .into_iter()
        .map(|w| format!("{page}: {w} shows no focus ring"))
        .collect();
    // Only a walk that came back round can say what it never reached.
    if walk["complete"] == true {
        bad.extend(
            strings("missed")
                .into_iter()
                .map(|w| format!("{page}: {w} cannot be reached with Tab")),
        );
    }
    (reached, bad)
}

/// Clicks the first visible `id`, brought to the middle of its scrolling area first (Tabbing
/// through a page leaves it scrolled, with the sticky tab bar over its top).
async fn click(app: &App, id: &str) {
    let el = app.wait_for(&tid(id)).await;
    app.js(
        "arguments[0].scrollIntoView({ block: 'center' })",
        vec![json!(el)],
    )
    .await;
    el.click()
        .await
        .unwrap_or_else(|e| panic!("clicking `{id}`: {e}"));
}

async fn escape(app: &App) {
    app.type_keys(&char::from(Key::Escape).to_string()).await;
}

/// Waits until nothing in the page says it is loading, and the fields being read are enabled.
async fn settled(app: &App) {
    app.wait_until("the page to finish loading", || async {
        let busy = app
            .js(
                "return document.querySelectorAll('[aria-busy=\"true\"]').length",
                vec![],
            )
            .await;
        (busy == 0).then_some(())
    })
    .await;
}

/// The demo project's page for `area`, out of Settings or the agenda if they are open.
async fn project_area(app: &App, area: &str, ready: &str) {
    if app.count(&tid("tab-overview")).await == 0 {
        click(app, "project-item").await;
        app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    }
    app.open_area(area).await;
    app.wait_for(&tid(ready)).await;
    settled(app).await;
}

/// One theme's round: every page and dialog through axe and Tab.
async fn round(app: &App, theme: &str, axe: &mut Vec<String>, keys: &mut Vec<String>) {
    let mut check = async |page: String, tabs: usize| {
        let label = format!("{theme} · {page}");
        axe.extend(audit(app, &label).await);
        axe.extend(colour_only(app, &label).await);
        let (reached, bad) = keyboard_walk(app, &label, tabs).await;
        assert!(reached > 0, "{label}: Tab reached no control");
        keys.extend(bad);
    };

    click(app, "open-settings").await;
    click(app, &format!("theme-{theme}")).await;
    let (want, page_lum) = (
        json!(theme),
        app.js(
            "const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
             return { theme: document.documentElement.dataset.theme, lum: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 };",
            vec![],
        )
        .await,
    );
    assert_eq!(page_lum["theme"], want);
    let lum = page_lum["lum"].as_f64().unwrap();
    assert!(
        if theme == "dark" {
            lum < 0.2
        } else {
            lum > 0.9
        },
        "{theme} theme, page luminance {lum}"
    );
    app.wait_for(&tid("backup-now")).await;
    settled(app).await;
    app.screenshot(&format!("{theme}-settings")).await;
    check("Settings".into(), 80).await;

    let areas = [
        ("overview", "delete-project"),
        ("scorecard", "pillar-row"),
        ("goals", "goal-row"),
        ("stakeholders", "stakeholder-card"),
        ("risks", "risk-row"),
        ("agenda", "agenda-item"),
    ];
    for (area, ready) in areas {
        project_area(app, area, ready).await;
        if area == "risks" {
            app.screenshot(&format!("{theme}-risks")).await;
        }
        check(area.into(), 250).await;
    }
    // Compliance keeps the view last picked, so each is picked here.
    for (view, ready) in [
        ("scan", "scan-row"),
        ("notes", "inventory-row"),
        ("history", "history-view"),
    ] {
        project_area(app, "compliance", "compliance-page").await;
        click(app, &format!("compliance-view-{view}")).await;
        app.wait_for(&tid(ready)).await;
        settled(app).await;
        check(format!("compliance {view}"), 250).await;
    }

    // Row editors open in place, as a dialog would.
    project_area(app, "risks", "risk-row").await;
    click(app, "risk-row").await;
    app.wait_for(&tid("risk-editor")).await;
    check("risk editor".into(), 60).await;
    escape(app).await;

    // Dialogs.
    project_area(app, "overview", "delete-project").await;
    click(app, "delete-project").await;
    app.wait_for(&tid("confirm-delete")).await;
    check("delete project dialog".into(), 10).await;
    escape(app).await;
    app.wait_for_count(&tid("confirm-delete"), 0).await;

    click(app, "new-project").await;
    app.wait_for(&tid("new-project-form")).await;
    check("new project dialog".into(), 20).await;
    escape(app).await;
    app.wait_for_count(&tid("new-project-form"), 0).await;

    click(app, "open-workspace").await;
    app.wait_for(&tid("backup-now")).await;
    settled(app).await;
    check("workspace dialog".into(), 40).await;
    escape(app).await;
    app.wait_for_count(&tid("workspace-dialog"), 0).await;

    // The palette, with results of several kinds showing.
    app.press_ctrl('k').await;
    app.wait_for(&tid("palette-input")).await;
    app.type_keys("se").await;
    app.wait_for(&tid("palette-option")).await;
    settled(app).await;
    check("command palette".into(), 10).await;
    escape(app).await;
    app.wait_for_count(&tid("palette"), 0).await;

    // The trash (empty on the demo: its empty state and Close).
    click(app, "open-trash").await;
    app.wait_for(&tid("trash-dialog")).await;
    settled(app).await;
    check("trash dialog".into(), 20).await;
    escape(app).await;
    app.wait_for_count(&tid("trash-dialog"), 0).await;

    click(app, "sidebar-agenda").await;
    app.wait_for_text(&tid("agenda-view"), "Agenda").await;
    app.wait_for(&tid("agenda-item")).await;
    settled(app).await;
    check("agenda, all projects".into(), 250).await;
    click(app, "agenda-settings").await;
    app.wait_for(&tid("reminders-dialog")).await;
    app.wait_until("the reminder settings to be read", || async {
        let on = app
            .js(
                "return !document.querySelector('[data-testid=\"reminders-save\"]').disabled",
                vec![],
            )
            .await;
        (on == true).then_some(())
    })
    .await;
    app.screenshot(&format!("{theme}-reminders")).await;
    check("reminders dialog".into(), 30).await;
    escape(app).await;
    app.wait_for_count(&tid("reminders-dialog"), 0).await;
}

#[tokio::test]
async fn every_page_passes_axe_the_keyboard_and_colour_checks_in_both_themes() {
    let mut h = Harness::new("a11y").await;
    // The desktop is light; the test picks each theme in Settings.
    h.env("GTK_THEME", "Adwaita");
    let app = h.launch().await;
    app.wait_for_text(&tid("project-title"), DEMO_NAME).await;
    inject_axe(&app, &axe_source()).await;

    // The checks themselves: in a stand-in dialog with the outlines taken away, they must see
    // both buttons Tab reaches without a ring, the third, which Tab skips, and a bare status dot.
    app.js(
        "const s = document.createElement('style'); s.id = 'no-rings';
         s.textContent = '*:focus-visible { outline: none !important; box-shadow: none !important }';
         document.head.append(s);
         document.getElementById('app').inert = true;
         const d = document.createElement('div'); d.id = 'probe'; d.setAttribute('aria-modal', 'true');
         d.innerHTML = '<button>One</button><button>Two</button><button tabindex=\"-1\">Three</button>'
           + '<span class=\"chip\" data-status=\"bad\" style=\"display: inline-block; width: 8px; height: 8px\"></span>';
         document.body.append(d);
         d.querySelector('button').focus();",
        vec![],
    )
    .await;
    let (reached, mut bad) = keyboard_walk(&app, "control", 8).await;
    bad.sort();
    assert_eq!(
        (reached, bad),
        (
            2,
            vec![
                "control: button “One” shows no focus ring".to_owned(),
                "control: button “Three” cannot be reached with Tab".to_owned(),
                "control: button “Two” shows no focus ring".to_owned(),
            ]
        ),
        "the keyboard check does not see what it must"
    );
    assert_eq!(
        colour_only(&app, "control").await,
        ["control: status by colour alone: span.chip  (bad)"],
        "the colour-only check does not see a bare status dot"
    );
    app.js(
        "document.getElementById('no-rings').remove(); document.getElementById('probe').remove();
         document.getElementById('app').inert = false;",
        vec![],
    )
    .await;

    let (mut axe, mut keys) = (Vec::new(), Vec::new());
    for theme in ["light", "dark"] {
        round(&app, theme, &mut axe, &mut keys).await;
    }
    // The sidebar is on every page: say each finding once.
    let mut said = std::collections::HashSet::new();
    keys.retain(|r| said.insert(r.split_once(": ").map_or(r.clone(), |(_, w)| w.to_owned())));
    assert!(
        axe.is_empty() && keys.is_empty(),
        "{} serious or critical axe violations and colour-only statuses:\n{}\n\n{} keyboard problems:\n{}",
        axe.len(),
        axe.join("\n"),
        keys.len(),
        keys.join("\n")
    );
    app.quit().await;
}
