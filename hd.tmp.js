const ExcelJS=require('exceljs');
(async()=>{const wb=new ExcelJS.Workbook();await wb.xlsx.readFile('/tmp/print/ps.xlsx');
const ws=wb.getWorksheet(process.argv[2]);
for (const t of Object.values(ws.tables||{})) { const tb=t.table||t; console.log(tb.name, tb.ref, (tb.columns||[]).map(c=>c.name).join(' | ')); }
})();
