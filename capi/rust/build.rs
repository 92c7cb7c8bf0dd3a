// Links librapport_c. RAPPORT_LIB_DIR names the directory that holds
// librapport_c.so (ctest sets it to the build tree); without it the system's
// library paths are searched (an installed rapport). The directory is also
// written as an rpath so that test binaries find the library at run time.
use std::env;

fn main() {
    println!("cargo:rerun-if-env-changed=RAPPORT_LIB_DIR");
    if let Ok(dir) = env::var("RAPPORT_LIB_DIR") {
        println!("cargo:rustc-link-search=native={}", dir);
        println!("cargo:rustc-link-arg=-Wl,-rpath,{}", dir);
    }
    println!("cargo:rustc-link-lib=dylib=rapport_c");
}
