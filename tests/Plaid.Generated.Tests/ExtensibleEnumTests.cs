using Newtonsoft.Json;

namespace Plaid.Generated.Tests;

public class ExtensibleEnumTests
{
    [Test]
    public void Known_values_equal_their_wire_strings()
    {
        AccountSubtype fromString = "credit card";

        Assert.Multiple(() =>
        {
            Assert.That(fromString, Is.EqualTo(AccountSubtype.CreditCard));
            Assert.That(fromString == AccountSubtype.CreditCard, Is.True);
            Assert.That(fromString != AccountSubtype.Checking, Is.True);
            Assert.That(fromString.GetHashCode(), Is.EqualTo(AccountSubtype.CreditCard.GetHashCode()));
            Assert.That(AccountSubtype.CreditCard.ToString(), Is.EqualTo("credit card"));
            Assert.That(AccountSubtype._401k.ToString(), Is.EqualTo("401k"));
            Assert.That(PlaidErrorType.RateLimitExceeded.ToString(), Is.EqualTo("RATE_LIMIT_EXCEEDED"));
        });
    }

    [Test]
    public void Comparison_is_ordinal_on_the_wire_value()
    {
        Assert.That((AccountSubtype)"403B", Is.EqualTo(AccountSubtype._403B));
        Assert.That((AccountSubtype)"403b", Is.Not.EqualTo(AccountSubtype._403B));
    }

    [Test]
    public void Serializes_as_the_wire_string_and_reads_back()
    {
        var json = JsonConvert.SerializeObject(new[] { AccountType.Depository, (AccountType)"crypto" });

        Assert.That(json, Is.EqualTo("""["depository","crypto"]"""));
        Assert.That(JsonConvert.DeserializeObject<AccountType[]>(json), Is.EqualTo(new[] { AccountType.Depository, (AccountType)"crypto" }));
    }

    [Test]
    public void Null_wire_value_for_a_non_nullable_enum_is_a_serialization_error()
    {
        Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<AccountType>("null"));
        Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<AccountType>("42"));
    }

    [Test]
    public void Constructor_refuses_null()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new AccountType(null!));
    }
}
