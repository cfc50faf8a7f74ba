"""Rich workbook made by openpyxl (Debian python3-openpyxl): the seed-002 table plus what real
workbooks carry around it. Run once: python3 scripts/rich/make_openpyxl.py OUT_DIR
Writes openpyxl.xlsx and openpyxl.xlsm (the same with a VBA part)."""
import io, json, os, sys, zipfile
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import ColorScaleRule, CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from PIL import Image as PILImage

here = os.path.dirname(os.path.abspath(__file__))
seed = json.load(open(os.path.join(here, '..', '..', 'test', 'fixtures', 'seed002.json'), encoding='utf-8'))
out = sys.argv[1]

wb = Workbook()
ws = wb.active
ws.title = 'Phụ lục'
for i, t in enumerate(seed['title']):
    ws.cell(row=i + 1, column=1, value=t)
    ws.merge_cells(start_row=i + 1, start_column=1, end_row=i + 1, end_column=5)
for j, h in enumerate(seed['header']):
    ws.cell(row=5, column=j + 1, value=h).font = Font(bold=True)
for i, r in enumerate(seed['rows']):
    for j, v in enumerate(r):
        if v:
            ws.cell(row=6 + i, column=j + 1, value=v)
for col, w in zip('ABCDE', [6, 60, 28, 30, 18]):
    ws.column_dimensions[col].width = w
ws['B6'].comment = Comment('Kiểm tra lại số liệu năm trước', 'Chuyên viên')
ws['H2'] = 'Liên kết'
ws['H2'].hyperlink = "#'Dữ liệu'!A1"

data = wb.create_sheet('Dữ liệu')
data.append(['Cơ quan', 'Số nhiệm vụ', 'Kinh phí'])
for row in [['Sở Y tế', 4, 120.5], ['Công an tỉnh', 3, 80], ['Sở Nội vụ', 2, 45.25]]:
    data.append(row)
data['E1'] = 'Ngày'
data['E2'] = __import__('datetime').date(2026, 6, 15)
data['E2'].number_format = 'dd/mm/yyyy'
data['F2'] = '=SUM(B2:B4)'
tab = Table(displayName='BangDuLieu', ref='A1:C4')
tab.tableStyleInfo = TableStyleInfo(name='TableStyleMedium9', showRowStripes=True)
data.add_table(tab)
chart = BarChart()
chart.title = 'Nhiệm vụ theo cơ quan'
chart.add_data(Reference(data, min_col=2, min_row=1, max_row=4), titles_from_data=True)
chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=4))
data.add_chart(chart, 'H2')
buf = io.BytesIO()
PILImage.new('RGB', (40, 20), (31, 78, 121)).save(buf, format='PNG')
buf.seek(0)
data.add_image(Image(buf), 'H20')
data.conditional_formatting.add('B2:B4', ColorScaleRule(start_type='min', start_color='FFFFFF', end_type='max', end_color='5B9BD5'))
data.conditional_formatting.add('C2:C4', CellIsRule(operator='greaterThan', formula=['100'], fill=PatternFill('solid', bgColor='FFC7CE')))
dv = DataValidation(type='list', formula1='"Có,Không"', allow_blank=True)
data.add_data_validation(dv)
dv.add('D2:D4')
data.protection.set_password('matkhau')
data.protection.sheet = True
data.print_title_rows = '1:1'

hidden = wb.create_sheet('Ẩn')
hidden['A1'] = 'trang tính ẩn'
hidden.sheet_state = 'hidden'
very = wb.create_sheet('Rất ẩn')
very['A1'] = 'trang tính rất ẩn'
very.sheet_state = 'veryHidden'

wb.defined_names.append(DefinedName('TyLe', attr_text='0.15'))
wb.defined_names.append(DefinedName('DanhSach', attr_text="'Dữ liệu'!$A$2:$A$4"))
wb.defined_names.append(DefinedName('RiengPhuLuc', localSheetId=0, attr_text="'Phụ lục'!$B$6"))
wb.defined_names.append(DefinedName('RiengDuLieu', localSheetId=1, attr_text="'Dữ liệu'!$C$2"))
wb.security = WorkbookProtection(workbookPassword='khoa', lockStructure=False)
wb.active = 0
path = os.path.join(out, 'openpyxl.xlsx')
orig = path + '.orig'
wb.save(orig)

CUSTOM = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
          'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Số kế hoạch"><vt:lpwstr>12773/KH-UBND</vt:lpwstr></property>'
          '</Properties>')

def rewrite(src, dst, macro):
    zin = zipfile.ZipFile(src)
    zout = zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED)
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == '[Content_Types].xml':
            s = data.decode('utf-8')
            s = s.replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
            if macro:
                s = s.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
                s = s.replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            data = s.encode('utf-8')
        elif item.filename == '_rels/.rels':
            s = data.decode('utf-8')
            s = s.replace('</Relationships>', '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>')
            data = s.encode('utf-8')
        elif macro and item.filename == 'xl/_rels/workbook.xml.rels':
            s = data.decode('utf-8')
            s = s.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')
            data = s.encode('utf-8')
        zout.writestr(item, data)
    zout.writestr('docProps/custom.xml', CUSTOM)
    if macro:
        # a stand-in for a VBA project (an OLE compound file header and filler): what is tested is that
        # its bytes come back unchanged, not that it runs
        zout.writestr('xl/vbaProject.bin', bytes.fromhex('D0CF11E0A1B11AE1') + bytes(range(256)) * 8)
    zout.close()

rewrite(orig, path, False)
rewrite(orig, os.path.join(out, 'openpyxl.xlsm'), True)
os.remove(orig)
print('ok')
