package dev.qmark.local;

import java.net.URI;

/** The "?" loop of {@link QuestionLoopScenarios} on the embedded stand-ins: what `./qmark up` runs. */
class QuestionLoopEndToEndTest extends QuestionLoopScenarios {

    @Override
    URI awsEndpoint() {
        return null;
    }
}
