using Plaid.Generated.Cli;

var environment = new Dictionary<string, string?>
{
    [PlaidBalanceCli.ClientIdVariable] = Environment.GetEnvironmentVariable(PlaidBalanceCli.ClientIdVariable),
    [PlaidBalanceCli.SecretVariable] = Environment.GetEnvironmentVariable(PlaidBalanceCli.SecretVariable),
};
return await PlaidBalanceCli.RunAsync(args, Console.Out, Console.Error, environment).ConfigureAwait(false);
