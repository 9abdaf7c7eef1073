"""Create the public and private buckets on the S3 endpoint named in the environment
(the loopback moto server during prod-smoke); waits for the endpoint to answer."""

import os
import sys
import time

import boto3
from botocore.exceptions import EndpointConnectionError


def main():
    client = boto3.client(
        "s3",
        endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"],
        region_name=os.environ["AWS_S3_REGION_NAME"],
        aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            client.list_buckets()
            break
        except EndpointConnectionError:
            if time.monotonic() > deadline:
                sys.exit("The S3 server did not answer within 30 s.")
            time.sleep(0.3)
    for name in (
        os.environ["AWS_STORAGE_BUCKET_NAME"],
        os.environ["AWS_PRIVATE_STORAGE_BUCKET_NAME"],
    ):
        client.create_bucket(Bucket=name)
        print(f"bucket {name} created")


if __name__ == "__main__":
    main()
