//! Exchange: moving a project in and out of Northstar as files people already use — JSON,
//! Markdown, CSV and ICS — each format in its own module beside this one.

pub mod markdown;
