#!/usr/bin/env python3
"""Prints the CloudFormation template SAM would deploy for a SAM template, as JSON on stdout.

It runs AWS's own SAM translator (pip install aws-sam-translator; cfn-lint brings it) offline,
the way `sam deploy` and cfn-lint do: local CodeUri paths become placeholder S3 URIs (what
`sam package` would upload them to), and the region is us-east-1 unless AWS_DEFAULT_REGION says
otherwise. Tests read its output to check what API Gateway really gets, not only our YAML.

    python3 tools/sam-transform.py template.yaml > transformed.json
"""
import json
import os
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402


class NoManagedPolicies:
    """Our policies are inline statements and SAM policy templates: no managed policy names to look up."""

    def load(self):
        return {}


def main(path):
    with open(path, encoding="utf-8") as file:
        template = yaml_parse(file.read())
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties", {})
        if resource.get("Type") == "AWS::Serverless::Function":
            uri = properties.get("CodeUri")
            if isinstance(uri, str) and not uri.startswith("s3://"):
                properties["CodeUri"] = "s3://bucket/" + uri
    json.dump(transform(template, {}, NoManagedPolicies()), sys.stdout, indent=1, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: sam-transform.py TEMPLATE")
    main(sys.argv[1])
