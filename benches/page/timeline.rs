//! Where the time of one paint goes, seen from the page: shared by the
//! paint benches (each includes this file with `#[path]`).

/// One click on the element `button` (a CSS selector; with `text`, the
/// first such element whose text contains it) with every command's call
/// and reply timed (`[command, called, reply read, reply's size]`, from
/// the click, in ms), then the time `ready` was in
/// the page, the time the next frame was painted, and the page's element
/// count.
pub const TIMELINE: &str = r#"
const [button, ready] = arguments;
const text = arguments.length > 3 ? arguments[2] : null;
const done = arguments[arguments.length - 1];
// Tauri's `invoke` cannot be replaced (it is defined read-only), so the
// IPC's requests are timed where they leave: `fetch` to `ipc://localhost/CMD`,
// until the reply's body is read (parsed, when it is JSON).
const originalFetch = window.fetch;
const calls = [];
const t0 = performance.now();
window.fetch = async (url, options) => {
  const start = performance.now() - t0;
  const response = await originalFetch(url, options);
  const cmd = String(url).split('/').pop();
  const timed = (read) => async () => {
    const body = await read.call(response);
    calls.push([cmd, Math.round(start), Math.round(performance.now() - t0), body]);
    return body;
  };
  response.json = timed(response.json);
  response.arrayBuffer = timed(response.arrayBuffer);
  return response;
};
const check = () => {
  if (document.querySelector(ready)) {
    const built = performance.now() - t0;
    requestAnimationFrame(() => {
      window.fetch = originalFetch;
      for (const call of calls) {
        call[3] = call[3] instanceof ArrayBuffer ? call[3].byteLength : JSON.stringify(call[3]).length;
      }
      done({calls, built: Math.round(built), painted: Math.round(performance.now() - t0), elements: document.getElementsByTagName("*").length});
    });
  } else { requestAnimationFrame(check); }
};
const target = text === null
  ? document.querySelector(button)
  : [...document.querySelectorAll(button)].find(e => e.textContent.includes(text));
target.click();
requestAnimationFrame(check);
"#;
