using Plaid.Generated.Cli;

var environment = new Dictionary<string, string?>
{
    [Credentials.ClientIdVariable] = Environment.GetEnvironmentVariable(Credentials.ClientIdVariable),
    [Credentials.SecretVariable] = Environment.GetEnvironmentVariable(Credentials.SecretVariable),
};
return await PlaidBalanceCli.RunAsync(args, Console.Out, Console.Error, environment).ConfigureAwait(false);
