//! Native decision time as the page state grows: `cargo bench --bench
//! growth` (or `./build.sh bench`, which runs it and reads its last line).
//!
//! The state scripts are built from the real Nov 2025 page: its owner's
//! `webapp.user-detail` scope is kept whole, and the unrelated scopes
//! (translations, app context, A/B configuration) are cut into small real
//! pieces and repeated in front of it until the script has the wanted size.
//! The owner then sits behind all of them, as on the real page, so every
//! byte must be read. Each size is timed many times with `Instant` and the
//! median is reported (no nightly `#[bench]`, no extra crate).

use std::time::Instant;

use serde_json::{json, Value};

/// The script sizes timed, in bytes.
const SIZES: &[usize] = &[4 << 10, 64 << 10, 1 << 20, 4 << 20];
/// Roughly how long to spend timing one size.
const BUDGET_NS: u128 = 1_500_000_000;
/// Fewest and most timed runs of one size.
const RUNS: (usize, usize) = (15, 2_000);
/// The fixed clock of the run (Unix ms): the fixture's links are live.
const NOW_MS: u64 = 1_764_000_000_000;
/// The profile in the fixture.
const HANDLE: &str = "sample.creator";
/// The state script's element id on the 2025 page.
const SCRIPT_ID: &str = "__UNIVERSAL_DATA_FOR_REHYDRATION__";
/// Pieces of unrelated state larger than this are cut further.
const PIECE_BYTES: usize = 1024;

fn main() {
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/fixtures/real/profile-2025-eu.html"
    ))
    .expect("the shared fixtures sit beside the repository");
    let real = script_text(&page);
    let state: Value = serde_json::from_str(real).expect("the state is JSON");
    let scope = &state["__DEFAULT_SCOPE__"];
    let detail = tiktok_escaped(&scope["webapp.user-detail"]);
    let mut pieces = Vec::new();
    for (key, value) in scope.as_object().expect("the scope is an object") {
        if key != "webapp.user-detail" {
            cut(value, &mut pieces);
        }
    }

    let mut rows = vec![time("real page", real)];
    for &size in SIZES {
        let text = grown(&detail, &pieces, size);
        rows.push(time(&format!("{} KB", size >> 10), &text));
    }
    let baseline = time_baseline(real);
    println!("{}", json!({ "rows": rows, "baselineRealNs": baseline }));
}

/// The text of the state `<script>` in a saved page.
fn script_text(page: &str) -> &str {
    let open = page
        .find(&format!("id=\"{SCRIPT_ID}\""))
        .expect("the page has the state script");
    let start = open + page[open..].find('>').expect("the tag closes") + 1;
    let len = page[start..].find("</script>").expect("the script ends");
    &page[start..start + len]
}

/// Cuts unrelated state into small real `"key":value` pieces.
fn cut(value: &Value, pieces: &mut Vec<String>) {
    let Some(map) = value.as_object() else {
        pieces.push(format!("\"v\":{}", tiktok_escaped(value)));
        return;
    };
    for (key, value) in map {
        let key = Value::from(key.as_str());
        let piece = format!("{key}:{}", tiktok_escaped(value));
        if piece.len() > PIECE_BYTES && value.is_object() {
            cut(value, pieces);
        } else {
            pieces.push(piece);
        }
    }
}

/// JSON text escaped as TikTok writes it: every `/` as `\u002F`, so that
/// the grown scripts cost as much to read per byte as the real one.
fn tiktok_escaped(value: &Value) -> String {
    value.to_string().replace('/', "\\u002F")
}

/// A state script of `size` bytes: unrelated pieces, each under its own
/// key so that none is a duplicate, then the owner's scope, then a string
/// that tops the text up to the exact size.
fn grown(detail: &str, pieces: &[String], size: usize) -> String {
    let head = "{\"__DEFAULT_SCOPE__\":{";
    let tail = format!("\"webapp.user-detail\":{detail}}},\"pad\":\"\"}}");
    let mut text = String::from(head);
    for (n, piece) in pieces.iter().cycle().enumerate() {
        let item = format!("\"filler{n}\":{{{piece}}},");
        if text.len() + item.len() + tail.len() > size {
            break;
        }
        text.push_str(&item);
    }
    text.push_str(&tail);
    let pad = "x".repeat(size.saturating_sub(text.len()));
    text.insert_str(text.len() - 2, &pad);
    text
}

/// The request the worker passes to the core, the script's text apart.
fn request() -> String {
    json!({
        "type": "save",
        "facts": {
            "url": format!("https://www.tiktok.com/@{HANDLE}"),
            "scripts": [{ "id": SCRIPT_ID, "text": "" }],
        },
    })
    .to_string()
}

/// Times the core's whole decision (copy the script in as the worker
/// does, decode the request, walk, choose, plan) on one script; returns a
/// row of the report.
fn time(label: &str, script: &str) -> Value {
    let request = request();
    let once = || {
        let texts = vec![script.to_owned()];
        let (_, plan) =
            avatar_saver::handle_parts(&request, texts, "{}", NOW_MS)
                .expect("the grown page still has the owner");
        plan.downloads.len()
    };
    let ns = median_ns(once);
    let row = json!({
        "label": label,
        "bytes": script.len(),
        "medianNs": ns,
        "nsPerByte": ns as f64 / script.len() as f64,
    });
    eprintln!(
        "{label:>10}: {:>9} bytes  {:>10.3} ms  {:.2} ns/byte",
        script.len(),
        ns as f64 / 1e6,
        ns as f64 / script.len() as f64
    );
    row
}

/// The obvious approach natively: build the whole tree, then follow the
/// path (what `JSON.parse` does in the worker's baseline).
fn time_baseline(script: &str) -> u128 {
    let ns = median_ns(|| {
        let state: Value = serde_json::from_str(script).expect("JSON");
        let user = &state["__DEFAULT_SCOPE__"]["webapp.user-detail"]
            ["userInfo"]["user"];
        user["avatarLarger"].as_str().map_or(0, str::len)
    });
    eprintln!("  baseline: parse the whole tree {:.3} ms", ns as f64 / 1e6);
    ns
}

/// The median time of `f`, after warm-up, over as many runs as fit in
/// [`BUDGET_NS`] within [`RUNS`].
fn median_ns(mut f: impl FnMut() -> usize) -> u128 {
    let start = Instant::now();
    let mut sink = 0;
    for _ in 0..3 {
        sink += f();
    }
    let each = start.elapsed().as_nanos() / 3;
    let runs = (BUDGET_NS / each.max(1)) as usize;
    let mut samples: Vec<u128> = (0..runs.clamp(RUNS.0, RUNS.1))
        .map(|_| {
            let start = Instant::now();
            sink += f();
            start.elapsed().as_nanos()
        })
        .collect();
    std::hint::black_box(sink);
    samples.sort_unstable();
    samples[samples.len() / 2]
}
