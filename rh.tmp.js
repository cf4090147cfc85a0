const ExcelJS=require('exceljs');
(async()=>{const wb=new ExcelJS.Workbook();await wb.xlsx.readFile('/tmp/print/ps.xlsx');
const ws=wb.getWorksheet(process.argv[2]);const hs=[];ws.eachRow({includeEmpty:true},(r,i)=>hs.push(i+':'+(r.height||'-')));console.log(hs.join(' '));
console.log(ws.columns.map((c,i)=>String.fromCharCode(65+(i%26))+':'+Math.round(c.width||0)).join(' '));
})();
