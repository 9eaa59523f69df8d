// Writes a gzip copy (`x.js.gz`) beside every compressible file of the build, once, at the highest
// level: the server sends it to browsers that accept gzip (src/http/static_files.cpp), so a phone on
// a slow link downloads about a third of the bytes, and no CPU is spent compressing per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync, constants } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

export function precompress(outDir = 'dist', minBytes = 1024): Plugin {
  return {
    name: 'pantau-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue
        const raw = readFileSync(file)
        if (raw.length < minBytes) continue
        const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION })
        if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz)
      }
    },
  }
}
