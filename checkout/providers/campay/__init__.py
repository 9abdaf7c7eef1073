"""Campay, a Cameroonian aggregator (MTN and Orange behind one API):
`provider.CampayProvider` over `client.CampayClient`."""
