package kelompok.notes;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;

/** A note's Markdown export laid out as a PDF (OpenPDF), one paragraph per line. */
final class NotePdf {

  private NotePdf() {}

  static byte[] render(String title, String markdown) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle(title);
      document.addCreator("Kelompok");
      document.open();
      Font body = FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, 10);
      Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, BaseFont.CP1252, 13);
      for (String line : markdown.split("\n", -1)) {
        boolean isHeading = line.startsWith("#");
        String text = isHeading ? line.replaceFirst("^#+\\s*", "") : line;
        Paragraph paragraph = new Paragraph(text.isEmpty() ? " " : printable(text), isHeading ? heading : body);
        paragraph.setSpacingBefore(isHeading ? 8 : 0);
        document.add(paragraph);
      }
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("the PDF could not be made: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** The built-in PDF fonts cover Latin text; other characters (emoji, scripts) show as '?'. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.append(c < 0x250 || c == 0x2019 || c == 0x201C || c == 0x201D ? Character.toString(c) : "?"));
    return out.toString();
  }
}
