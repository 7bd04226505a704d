package dev.qmark.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Options of {@code qmark bench lifecycle}: public on-demand prices in US dollars, per million, of
 * us-east-1 as listed on AWS's pricing pages on 2026-12-06 (DynamoDB's are those since its
 * 2024-11-01 cut); pass your region's or your date's to price it there.
 *
 * @param writeUnit     DynamoDB on-demand, per million write request units
 * @param readUnit      DynamoDB on-demand, per million read request units
 * @param sqsRequest    SQS standard queue, per million requests (64 KB each)
 * @param s3Put         S3 Standard, per million PUT requests
 * @param s3Get         S3 Standard, per million GET requests
 * @param sesSent       SES, per million mails sent
 * @param sesReceived   SES, per million mails received (each 256 KB chunk after the first costs more; not counted)
 */
record LifecyclePrices(boolean json, Path config, double writeUnit, double readUnit, double sqsRequest, double s3Put,
                       double s3Get, double sesSent, double sesReceived) {

    static final String USAGE = """
            usage: qmark bench lifecycle [--json] [--config FILE] [--write-unit USD] [--read-unit USD] [--sqs USD]
                                         [--s3-put USD] [--s3-get USD] [--ses-sent USD] [--ses-received USD]
              meters one answered feedback (form post, route, "?", answer by mail, founder's mail), one reminder
              and one breach through the real handlers on the embedded AWS: DynamoDB calls with the read and write
              units AWS bills for them, SQS/S3/SES requests, and the cost per million at these prices (USD per
              million; defaults: us-east-1 on-demand, 2026-12-06):
              --write-unit 0.625  --read-unit 0.125  --sqs 0.40  --s3-put 5.00  --s3-get 0.40
              --ses-sent 100  --ses-received 100
            """;

    static LifecyclePrices parse(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("lifecycle")) {
            throw new IllegalArgumentException("not the lifecycle benchmark");
        }
        boolean json = false;
        Path config = Path.of(System.getProperty("qmark.home", ".")).resolve("config").resolve("qmark.yaml");
        double[] p = {0.625, 0.125, 0.40, 5.00, 0.40, 100, 100};
        List<String> names = List.of("--write-unit", "--read-unit", "--sqs", "--s3-put", "--s3-get", "--ses-sent",
                "--ses-received");
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--json")) {
                json = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String value = args.get(++i);
            if (a.equals("--config")) {
                config = Path.of(value);
            } else if (names.contains(a)) {
                try {
                    p[names.indexOf(a)] = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(a + ": not a price: " + value);
                }
            } else {
                throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new LifecyclePrices(json, config, p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
    }

    String describe() {
        return String.format(Locale.ROOT, "USD per million: write unit %s, read unit %s, SQS request %s, S3 PUT %s, "
                + "S3 GET %s, SES mail sent %s, SES mail received %s", writeUnit, readUnit, sqsRequest, s3Put, s3Get,
                sesSent, sesReceived);
    }
}
