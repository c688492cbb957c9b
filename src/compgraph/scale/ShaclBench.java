// Apache Jena's SHACL as a compgraph bench baseline (compgraph.scale.baselines runs this file with
// `java -cp JENA_JARS ShaclBench.java SHAPES REPORT DATA...`, Java's single-file source launch).
// Jena's own `shacl validate` command times nothing and parses the data inside the validation, so this
// file only calls Jena's API the same way and times parsing and validating apart, as the bench does for
// every engine. Line 1 on stdout after parsing, line 2 after validating: the bench can then say which
// step a time limit stopped.
import java.io.FileOutputStream;
import java.io.OutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;

public class ShaclBench {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Graph data = GraphFactory.createDefaultGraph();
        for (int i = 2; i < args.length; i++) {
            RDFDataMgr.read(data, args[i]);
        }
        long t1 = System.nanoTime();
        System.out.println("{\"build / load\": " + (t1 - t0) / 1e9 + ", \"triples\": " + data.size() + "}");
        System.out.flush();
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(args[0]));
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        long t2 = System.nanoTime();
        try (OutputStream out = new FileOutputStream(args[1])) {
            RDFDataMgr.write(out, report.getModel(), Lang.NTRIPLES);
        }
        System.out.println("{\"validate\": " + (t2 - t1) / 1e9 + "}");
    }
}
