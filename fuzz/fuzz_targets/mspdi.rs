//! Any bytes as an MS Project XML file: reading it (deep nesting, DTDs and all), checking the
//! plan it gives and scheduling that plan must never panic or overflow the stack.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = cronograma::xml::parse(text, 100_000);
    let Ok(found) = cronograma::import::mspdi::plan_from_mspdi(text) else {
        return;
    };
    if cronograma::plan::validate::check(&found.plan).is_ok() {
        let _ = cronograma::schedule::schedule(&found.plan);
    }
});
