"""MTN Mobile Money (MoMo Open API): `provider.MtnMomoProvider` over `client.MomoClient`."""
