//! How WebKit paints the window. Its default composites through OpenGL; on a machine with no GPU
//! this user can reach (a VM, a remote session, Xvfb: no DRI render node, or none that opens),
//! Mesa then emulates that GPU on the processor (llvmpipe), compiling shaders with LLVM as the
//! first screen paints. Measured on such a machine (`tests/bench/bare.sh`), painting with the
//! processor directly, WebKit's non-composited mode, took Northstar's settled memory from 384 MB
//! to 252 MB and its launch from 640 to 580 ms; a machine with a GPU keeps WebKit's default.
//! Whoever sets WebKit's own switches (`WEBKIT_DISABLE_COMPOSITING_MODE`,
//! `WEBKIT_FORCE_COMPOSITING_MODE`) decides instead.

use northstar_core::gpu;
use std::path::Path;

const DISABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
const FORCE: &str = "WEBKIT_FORCE_COMPOSITING_MODE";

/// Sets WebKit's non-composited mode for this process and the web processes it starts, when
/// there is no GPU to composite with and the user chose nothing. Call it first thing, before any
/// thread exists (it changes the environment) and before the webview is made.
pub fn choose() {
    if cfg!(target_os = "linux")
        && std::env::var_os(DISABLE).is_none()
        && std::env::var_os(FORCE).is_none()
        && !gpu::has_render_node(Path::new(gpu::DRI))
    {
        std::env::set_var(DISABLE, "1");
    }
}
