namespace Plaid.Generated;

public partial class ProcessorBalanceGetRequest : IPlaidCredentials;
