"""Orange Money Cameroon merchant payment: `provider.OrangeMoneyProvider` over
`client.OrangeMoneyClient`."""
