#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled to build/ by `npm run build:cli` (run by `prepare`).
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'build', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('Chưa biên dịch công cụ dòng lệnh: hãy chạy "npm ci" hoặc "npm run build:cli" trong thư mục dự án.\n');
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write('Lỗi không mong đợi: ' + (err && err.message ? err.message : String(err)) + '\n'); process.exitCode = 2; }
);
