//! One error type for the whole core: every failure has a kind the UI and CLI can act on.

use serde::Serialize;
use ts_rs::TS;

/// What went wrong, in words a user can read, with a kind the caller can branch on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("No {what} matches “{key}”.")]
    NotFound { what: &'static str, key: String },
    #[error("{reason}")]
    Invalid { field: &'static str, reason: String },
    #[error("{0}")]
    Conflict(String),
    /// The file is not one this app may open (not a database, another app's, or too new).
    #[error("{0}")]
    Refused(String),
    #[error("storage error: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("report error: {0}")]
    Report(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            reason: reason.into(),
        }
    }

    pub fn not_found(what: &'static str, key: impl Into<String>) -> Self {
        Error::NotFound {
            what,
            key: key.into(),
        }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Invalid { .. } => ErrorKind::Invalid,
            Error::Conflict(_) => ErrorKind::Conflict,
            Error::Refused(_) => ErrorKind::Refused,
            Error::Storage(_) => ErrorKind::Storage,
            Error::Io(_) => ErrorKind::Io,
            Error::Report(_) => ErrorKind::Report,
        }
    }

    /// The field a validation error is about, so the UI can show it in place.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    NotFound,
    Invalid,
    Conflict,
    Refused,
    Storage,
    Io,
    Report,
}

/// The shape an error takes across IPC and in `--json` output.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub kind: ErrorKind,
    pub message: String,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl From<&Error> for ErrorPayload {
    fn from(e: &Error) -> Self {
        ErrorPayload {
            kind: e.kind(),
            message: e.to_string(),
            field: e.field().map(str::to_owned),
        }
    }
}
