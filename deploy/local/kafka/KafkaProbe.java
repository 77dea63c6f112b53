import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;

/**
 * Readiness probe for the local broker (kafka-tools, which holds the usual CLI
 * commands, is not published on Maven Central for 4.4.0). Run in source-file mode:
 *   java -cp '<libs>/*' deploy/local/kafka/KafkaProbe.java [bootstrap] [timeoutMs]
 * Exit 0 and one summary line when the cluster answers describeCluster + listTopics.
 */
public class KafkaProbe {
  public static void main(String[] args) {
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
    int timeoutMs = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "smarketing-stack-probe");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    try (Admin admin = Admin.create(p)) {
      DescribeClusterResult c = admin.describeCluster();
      String id = c.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
      int nodes = c.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
      int topics = admin.listTopics(new ListTopicsOptions().listInternal(false))
          .names().get(timeoutMs, TimeUnit.MILLISECONDS).size();
      System.out.println("cluster=" + id + " nodes=" + nodes + " topics=" + topics);
    } catch (Exception e) {
      System.err.println("kafka probe failed: " + e);
      System.exit(1);
    }
  }
}
