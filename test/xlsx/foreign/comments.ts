import { esc, HEAD, NS } from "./ooxml";

/**
 * A note (a "comment" before Excel 365's threaded comments) as Excel saves it: the comments part
 * (CT_Comments, ECMA-376 Part 1 §18.7: authors, then the comment list with rich text runs, the
 * author's name in bold first) and the legacy VML drawing that holds the note's box (one v:shape of
 * the #_x0000_t202 text-box shape type, x:ClientData ObjectType="Note" with its anchor, row and column).
 * The VML is laid out with Excel's own line breaks and single quotes, as in the XlsxWriter VML tests
 * (xlsxwriter/test/vml/test_vml01.py), which were taken from files Excel wrote.
 */

export const NOTE = {
  ref: "C4",
  row: 3,
  column: 2,
  author: "Dana Whitfield",
  text: "Includes the reserved-instance true-up for March.",
};

export function commentsPart(): string {
  const font = '<sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/>';
  return (
    `${HEAD}<comments xmlns="${NS.main}">` +
    `<authors><author>${esc(NOTE.author)}</author></authors>` +
    `<commentList><comment ref="${NOTE.ref}" authorId="0" shapeId="0"><text>` +
    `<r><rPr><b/>${font}</rPr><t>${esc(NOTE.author)}:</t></r>` +
    `<r><rPr>${font}</rPr><t xml:space="preserve">\n${esc(NOTE.text)}</t></r>` +
    "</text></comment></commentList></comments>"
  );
}

/**
 * The note's VML drawing. `shapeBlock` is the o:idmap data: shape ids are 1024 × block + n, so the
 * first note's shape on a sheet whose block is 1 is _x0000_s1025.
 */
export function vmlDrawingPart(shapeBlock = 1): string {
  const { row, column } = NOTE;
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel">
 <o:shapelayout v:ext="edit">
  <o:idmap v:ext="edit" data="${shapeBlock}"/>
 </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"
  path="m,l,21600r21600,l21600,xe">
  <v:stroke joinstyle="miter"/>
  <v:path gradientshapeok="t" o:connecttype="rect"/>
 </v:shapetype><v:shape id="_x0000_s${shapeBlock * 1024 + 1}" type="#_x0000_t202" style='position:absolute;
  margin-left:216.75pt;margin-top:37.5pt;width:108pt;height:59.25pt;z-index:1;
  visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">
  <v:fill color2="#ffffe1"/>
  <v:shadow on="t" color="black" obscured="t"/>
  <v:path o:connecttype="none"/>
  <v:textbox style='mso-direction-alt:auto'>
   <div style='text-align:left'></div>
  </v:textbox>
  <x:ClientData ObjectType="Note">
   <x:MoveWithCells/>
   <x:SizeWithCells/>
   <x:Anchor>
    ${column + 1}, 15, ${row - 1}, 10, ${column + 3}, 15, ${row + 3}, 4</x:Anchor>
   <x:AutoFill>False</x:AutoFill>
   <x:Row>${row}</x:Row>
   <x:Column>${column}</x:Column>
  </x:ClientData>
 </v:shape></xml>`;
}
