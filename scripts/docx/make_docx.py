"""Word documents built from real text, for the import tests (issue 16): each table TSV becomes a .docx
holding its title and the table (a cell's lines as paragraphs of one cell, section rows merged across),
the seed-002 appendix likewise, and each prose .txt a .docx of its paragraphs. LibreOffice Writer (headless;
Debian libreoffice-writer-nogui) writes the .docx from HTML, as Word would receive it.
Run once: python3 scripts/docx/make_docx.py test/fixtures/real"""
import html, json, os, subprocess, sys, tempfile

root = os.path.abspath(sys.argv[1])
out_dir = os.path.join(root, 'docx')
os.makedirs(out_dir, exist_ok=True)
work = tempfile.mkdtemp(prefix='pc-docx-')

def cell(text, tag='td', extra=''):
    paras = ''.join('<p>%s</p>' % html.escape(p) for p in text.split('\n')) or '<p></p>'
    return '<%s%s>%s</%s>' % (tag, extra, paras, tag)

def page(title_lines, header, rows):
    """rows: (kind, cells) with kind 'task' or 'section'"""
    body = ''.join('<p align="center"><b>%s</b></p>' % html.escape(t) for t in title_lines)
    t = '<table border="1" cellspacing="0"><thead><tr>%s</tr></thead><tbody>' % ''.join(cell(h, 'th') for h in header)
    for kind, cells in rows:
        if kind == 'section':
            label = ' '.join(c for c in cells[:2] if c)
            t += '<tr>%s</tr>' % cell(label, 'td', ' colspan="%d"' % len(header))
        else:
            t += '<tr>%s</tr>' % ''.join(cell(c) for c in cells)
    t += '</tbody></table>'
    return '<html><head><meta charset="utf-8"></head><body>%s%s</body></html>' % (body, t)

jobs = []
# the seed-002 appendix (test/fixtures/seed002.json, from ../shared/seeds/002)
seed = json.load(open(os.path.join(root, '..', 'seed002.json'), encoding='utf-8'))
rows = [('task', [c.replace('\n\n', '\n') for c in r]) for r in seed['rows']]
jobs.append(('seed002-appendix', page(seed['title'], seed['header'], rows)))

for name in sorted(os.listdir(os.path.join(root, 'tables'))):
    if not name.endswith('.tsv'):
        continue
    lines = open(os.path.join(root, 'tables', name), encoding='utf-8').read().split('\n')
    meta = [l for l in lines if l.startswith('#')]
    data = [l.split('\t') for l in lines if l and not l.startswith('#')]
    header = data[0][1:]
    keep = [i for i, h in enumerate(header) if h not in ('pdf_page', 'note')]
    title = next((m.split(':', 1)[1].strip() for m in meta if m.startswith('# title:')), '')
    rows = [(r[0], [r[1:][i].replace('\\n', '\n') if i < len(r) - 1 else '' for i in keep]) for r in data[1:]]
    jobs.append((name[:-4], page([title], [header[i] for i in keep], rows)))

for name in sorted(os.listdir(os.path.join(root, 'prose'))):
    if not name.endswith('.txt'):
        continue
    text = open(os.path.join(root, 'prose', name), encoding='utf-8').read()
    paras = [p.replace('\n', ' ').replace('**', '').strip() for p in text.split('\n\n')]
    body = ''.join('<p>%s</p>' % html.escape(p) for p in paras if p)
    jobs.append((name[:-4], '<html><head><meta charset="utf-8"></head><body>%s</body></html>' % body))

files = []
for name, doc in jobs:
    p = os.path.join(work, name + '.html')
    open(p, 'w', encoding='utf-8').write(doc)
    files.append(p)
subprocess.run(['soffice', '--headless', '-env:UserInstallation=file://' + work + '/lo', '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out_dir] + files, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(len(files), 'documents')
