# Shared by scripts/build-page and scripts/build-npm (sourced, from the repository's root).

# Installs the wasm32-unknown-unknown target and wasm-bindgen-cli at the version in Cargo.lock
# when they are missing.
ensure_wasm_tools() {
    local version
    version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        rustup target add wasm32-unknown-unknown
    fi
    if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
        echo "==> installing wasm-bindgen-cli $version"
        # Not --locked: its lockfile names a crate version crates.io no longer serves.
        cargo install wasm-bindgen-cli --version "$version"
    fi
}

# build_wasm TARGET OUT_DIR [cargo feature flags...]: the contactguard-wasm module (profile
# `web`), bound by wasm-bindgen for TARGET (no-modules, web) into OUT_DIR.
build_wasm() {
    local target=$1 out=$2
    shift 2
    cargo build --locked --profile web --target wasm32-unknown-unknown -p contactguard-wasm "$@"
    rm -rf "$out" && mkdir -p "$out"
    wasm-bindgen --target "$target" --no-typescript --remove-name-section --remove-producers-section \
        --out-dir "$out" target/wasm32-unknown-unknown/web/contactguard_wasm.wasm
}
