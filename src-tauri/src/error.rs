//! The error a command hands the webview: `{ kind, message, field? }`.

use northstar_core::{Error, ErrorPayload};
use serde::Serialize;

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct CmdError(ErrorPayload);

impl From<Error> for CmdError {
    fn from(e: Error) -> Self {
        CmdError(ErrorPayload::from(&e))
    }
}

impl From<ErrorPayload> for CmdError {
    fn from(p: ErrorPayload) -> Self {
        CmdError(p)
    }
}

pub type CmdResult<T> = Result<T, CmdError>;
