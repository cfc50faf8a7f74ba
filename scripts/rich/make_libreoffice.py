"""Rich workbook made by LibreOffice (headless, through UNO; Debian python3-uno): the openpyxl workbook
opened in Calc, a pivot table (DataPilot) added on its own sheet, saved by LibreOffice as .xlsx.
Run once: python3 scripts/rich/make_libreoffice.py test/fixtures/rich"""
import os, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellAddress, CellRangeAddress

out = os.path.abspath(sys.argv[1])
pipe = 'pcrich%d' % os.getpid()
profile = '/tmp/pc-lo-profile-%d' % os.getpid()
proc = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore', '-env:UserInstallation=file://' + profile, '--accept=pipe,name=%s;urp;' % pipe])
ctx = None
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
for _ in range(60):
    try:
        ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
        break
    except Exception:
        time.sleep(0.5)
desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)

def prop(n, v):
    p = PropertyValue()
    p.Name, p.Value = n, v
    return p

doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.join(out, 'openpyxl.xlsx')), '_blank', 0, (prop('Hidden', True),))
sheets = doc.Sheets
sheets.insertNewByName('Bảng tổng hợp', sheets.Count)
data = sheets.getByName('Dữ liệu')
target = sheets.getByName('Bảng tổng hpp'.replace('hpp', 'hợp'))
tables = target.getDataPilotTables()
desc = tables.createDataPilotDescriptor()
src = CellRangeAddress()
src.Sheet = 1
src.StartColumn, src.StartRow, src.EndColumn, src.EndRow = 0, 0, 2, 3
desc.setSourceRange(src)
fields = desc.getDataPilotFields()
row = fields.getByIndex(0)
row.Orientation = uno.Enum('com.sun.star.sheet.DataPilotFieldOrientation', 'ROW')
val = fields.getByIndex(1)
val.Orientation = uno.Enum('com.sun.star.sheet.DataPilotFieldOrientation', 'DATA')
val.Function = uno.Enum('com.sun.star.sheet.GeneralFunction', 'SUM')
at = CellAddress()
at.Sheet, at.Column, at.Row = sheets.Count - 1, 0, 0
tables.insertNewByName('TongHopNhiemVu', at, desc)
doc.storeToURL(uno.systemPathToFileUrl(os.path.join(out, 'libreoffice.xlsx')), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
proc.wait(timeout=30)
print('ok')
