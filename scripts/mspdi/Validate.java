// Validates XML files against an XML Schema with the JDK's own validator, for cronograma's
// tests (tests/ms_project.rs): `java scripts/mspdi/Validate.java SCHEMA.xsd FILE.xml...`.
// Prints `FILE: valid`, or each problem as `FILE:LINE: message` and then `FILE: N problems`;
// exits 1 when any file has a problem.
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

public class Validate {
  public static void main(String[] args) throws Exception {
    var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    // Nothing outside the schema file is fetched.
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
    var validator = factory.newSchema(new File(args[0])).newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    List<String> problems = new ArrayList<>();
    validator.setErrorHandler(new ErrorHandler() {
      public void warning(SAXParseException e) {}

      public void error(SAXParseException e) {
        problems.add(e.getLineNumber() + ": " + e.getMessage());
      }

      public void fatalError(SAXParseException e) {
        problems.add(e.getLineNumber() + ": " + e.getMessage());
      }
    });
    boolean failed = false;
    for (int i = 1; i < args.length; i++) {
      problems.clear();
      try {
        validator.validate(new StreamSource(new File(args[i])));
      } catch (SAXParseException e) {
        // Already reported through the handler.
      }
      for (String problem : problems) {
        System.out.println(args[i] + ":" + problem);
      }
      System.out.println(args[i] + (problems.isEmpty() ? ": valid" : ": " + problems.size() + " problems"));
      failed |= !problems.isEmpty();
    }
    System.exit(failed ? 1 : 0);
  }
}
