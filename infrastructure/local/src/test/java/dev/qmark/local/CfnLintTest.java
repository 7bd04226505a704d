package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.aws.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS's own judge of template.yaml: cfn-lint, which runs the real SAM transform first. Clean
 * means no error and no warning; informational findings are printed with {@code -c I} and
 * allowed (each is fixed or explained in the template). Skipped where cfn-lint is missing,
 * required under CI=true.
 */
class CfnLintTest {

    /** cfn-lint's exit code is a bit mask: 1 a crash, 2 errors, 4 warnings, 8 informational findings. */
    static final int ERRORS = 2;
    static final int WARNINGS = 4;
    static final int CRASH = 1;

    @Test
    void templateLintsWithoutErrorsOrWarnings() {
        ExternalTool.Result lint = lint(TemplateTest.ROOT, "template.yaml");
        assertEquals(0, lint.exitCode() & (CRASH | ERRORS | WARNINGS),
                "cfn-lint template.yaml (exit " + lint.exitCode() + "):\n" + lint.all());
        if (!lint.all().isBlank()) {
            System.out.println("cfn-lint informational findings:\n" + lint.all());
        }
    }

    /** The check above can fail: the HTTP API auth that SAM rejected before issue 7 is an error. */
    @Test
    void aTemplateSamRejectsFailsTheLint(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        EnableIamAuthorizer: true
                  Form:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: s3://bucket/form.jar
                      Handler: a.B::handleRequest
                      Runtime: java21
                      Events:
                        Get:
                          Type: HttpApi
                          Properties:
                            ApiId: !Ref Api
                            Method: GET
                            Path: /
                            Auth:
                              Authorizer: NONE
                """);
        ExternalTool.Result lint = lint(dir, "broken.yaml");
        assertTrue((lint.exitCode() & ERRORS) != 0, "exit " + lint.exitCode() + ":\n" + lint.all());
        assertTrue(lint.all().contains("only a valid value when a DefaultAuthorizer"), lint.all());
    }

    static ExternalTool.Result lint(Path dir, String template) {
        Path cfnLint = ExternalTool.require("cfn-lint", "pip install cfn-lint");
        return ExternalTool.run(dir, Duration.ofMinutes(3),
                List.of(cfnLint.toString(), "--include-checks", "I", "--", template));
    }
}
