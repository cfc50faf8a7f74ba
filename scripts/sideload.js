#!/usr/bin/env node
// npm start / npm stop: sideload the add-in where office-addin-debugging supports it
// (Windows, macOS); on Linux, say what to do instead.
const { spawnSync } = require('child_process');
const action = process.argv[2] === 'stop' ? 'stop' : 'start';
if (process.platform === 'linux') {
  process.stdout.write(
    [
      'Excel desktop không chạy trên Linux nên không thể tự nạp (sideload) add-in ở đây.',
      'Cách dùng trên máy này:',
      '  - npm run dev-server, rồi mở http://localhost:3000/taskpane.html trong trình duyệt: ngăn Phân công chạy ở chế độ độc lập trên tệp .xlsx;',
      '  - hoặc Excel trên web: Trang đầu → Bổ trợ → Tải lên bổ trợ của tôi → chọn manifest.xml (cần máy chủ https, xem README).',
      '(Excel desktop cannot run on Linux: use the standalone pane or Excel on the web, see README.)',
      '',
    ].join('\n'),
  );
  process.exit(0);
}
const r = spawnSync('npx', ['--yes', 'office-addin-debugging@6', action, 'manifest.xml', ...(action === 'start' ? ['desktop', '--app', 'excel'] : [])], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
