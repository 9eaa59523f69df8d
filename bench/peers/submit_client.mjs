// Sends exactly N fast reports (POST /api/v1/monitoring/events) over C keep-alive connections,
// the same body and headers as bench/monitoring/create_event.lua, and prints how many were
// acknowledged (201). For profiles that must count a fixed number of submissions.
//   node bench/peers/submit_client.mjs URL N C   (env: PANTAU_BENCH_COOKIE, PANTAU_BENCH_CSRF,
//                                                 PANTAU_BENCH_REGIONS, PANTAU_BENCH_LABEL)
import http from "node:http";

const [url, nArg, cArg] = process.argv.slice(2);
const total = Number(nArg ?? 2000);
const conns = Number(cArg ?? 16);
const cookie = process.env.PANTAU_BENCH_COOKIE;
const csrf = process.env.PANTAU_BENCH_CSRF;
const regions = (process.env.PANTAU_BENCH_REGIONS ?? "63.71").split(",");
const label = process.env.PANTAU_BENCH_LABEL ?? "profile";
if (!cookie || !csrf) throw new Error("PANTAU_BENCH_COOKIE and PANTAU_BENCH_CSRF must be set");
const categories = ["POLITICAL_SITUATION.DEMONSTRATION", "POLITICAL_SITUATION.SARA_HOAX", "ELECTION_STAGE.LOGISTICS",
  "POLITICAL_SITUATION.MONEY_POLITICS", "POLITICAL_SITUATION.ASN_NEUTRALITY"];
const levels = ["LOW", "MEDIUM", "HIGH"];
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: conns });

let next = 0, acked = 0, failed = 0;
function one(n) {
  const body = JSON.stringify({
    region_code: regions[n % regions.length], location_text: "Depan kantor camat", occurred_at: "2026-11-20T03:15:00Z",
    category_code: categories[n % categories.length], title: `Uji beban lapor cepat ${label} ${n}`,
    description: "Massa sekitar 150 orang menyampaikan aspirasi secara damai; situasi kondusif.",
    escalation_level: levels[n % levels.length], source: "FIELD", actors: [{ type: "PUBLIC", name: "Aliansi warga" }],
  });
  return new Promise((resolve) => {
    const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: "POST",
      headers: { Cookie: cookie, "X-CSRF-Token": csrf, "Content-Type": "application/json",
        "Idempotency-Key": `${label}-${n}`, "Content-Length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", () => { if (res.statusCode === 201) acked++; else failed++; resolve(); });
    });
    req.on("error", () => { failed++; resolve(); });
    req.end(body);
  });
}
async function worker() {
  while (next < total) await one(next++);
}
await Promise.all(Array.from({ length: conns }, worker));
agent.destroy();
console.log(`${acked} acknowledged, ${failed} failed`);
if (failed) process.exitCode = 1;
