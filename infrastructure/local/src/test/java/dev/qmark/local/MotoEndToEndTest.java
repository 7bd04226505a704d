package dev.qmark.local;

import java.net.URI;

/**
 * The "?" loop of {@link QuestionLoopScenarios} with `./qmark up --aws-endpoint` on moto's server,
 * started by this test on a free port: DynamoDB, SQS, S3 and SES by a third party, the mail read
 * back from its {@code GET /moto-api/data.json}. Skipped where moto_server is not installed,
 * failed then under {@code CI=true}.
 */
class MotoEndToEndTest extends QuestionLoopScenarios {

    private MotoServer moto;

    @Override
    URI awsEndpoint() throws Exception {
        moto = MotoServer.startOrSkip();
        return moto.endpoint();
    }

    @Override
    void stopAws() {
        if (moto != null) {
            moto.close();
        }
    }
}
