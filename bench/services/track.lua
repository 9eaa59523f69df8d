-- The tracking page with a valid registration number and secret (BENCH_REG_NO, BENCH_SECRET).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"reg_no":"' .. os.getenv("BENCH_REG_NO") .. '","secret":"' .. os.getenv("BENCH_SECRET") .. '"}'
