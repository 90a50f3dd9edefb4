using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace Plaid.Generated.Tests.Documentation;

/// <summary>
/// What an IntelliSense user sees: every public or protected type and member of each library, generated code
/// included, has a summary (or inherits one) in the XML documentation file shipped next to the assembly.
/// </summary>
public class XmlDocumentationTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [TestCaseSource(typeof(PublicApiTests), nameof(PublicApiTests.Packages))]
    public void Every_public_type_and_member_has_a_summary(Assembly library)
    {
        var (surface, undocumented) = Scan(library);

        Assert.That(surface, Is.Not.Empty, "the scan found no public surface: it would pass without looking");
        Assert.That(undocumented, Is.Empty, $"{undocumented.Count} of {surface.Count} public types and members of {library.GetName().Name} have no <summary> or <inheritdoc/>");
    }

    [Test]
    public void The_scan_finds_what_has_no_summary()
    {
        // This test project is built with CS1591 off: its test methods have no XML docs, its classes do.
        var (surface, undocumented) = Scan(typeof(XmlDocumentationTests).Assembly);
        var thisTest = XmlDocId.Of(typeof(XmlDocumentationTests).GetMethod(nameof(Every_public_type_and_member_has_a_summary))!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(thisTest, Is.EqualTo("M:Plaid.Generated.Tests.Documentation.XmlDocumentationTests.Every_public_type_and_member_has_a_summary(System.Reflection.Assembly)"));
            Assert.That(surface, Does.Contain(thisTest).And.Contain("T:Plaid.Generated.Tests.Documentation.XmlDocumentationTests"));
            Assert.That(undocumented, Does.Contain(thisTest));
            Assert.That(undocumented, Does.Not.Contain("T:Plaid.Generated.Tests.Documentation.XmlDocumentationTests"));
        }
    }

    [Test]
    public void Ids_are_the_ones_the_compiler_writes()
    {
        var addPlaidClient = typeof(PlaidServiceCollectionExtensions).GetMethods().First(method => method.GetParameters().Length == 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(XmlDocId.Of(typeof(ProcessorBalanceGetRequest).GetProperty(nameof(ProcessorBalanceGetRequest.ProcessorToken))!),
                Is.EqualTo("P:Plaid.Generated.ProcessorBalanceGetRequest.ProcessorToken"));
            Assert.That(XmlDocId.Of(typeof(AccountType).GetMethod("op_Implicit")!),
                Is.EqualTo("M:Plaid.Generated.AccountType.op_Implicit(System.String)~Plaid.Generated.AccountType"));
            Assert.That(XmlDocId.Of(addPlaidClient), Is.EqualTo(
                "M:Microsoft.Extensions.DependencyInjection.PlaidServiceCollectionExtensions.AddPlaidClient(Microsoft.Extensions.DependencyInjection.IServiceCollection,"
                + "System.Action{Plaid.Generated.PlaidClientOptions},System.Action{Plaid.Generated.PlaidResilienceOptions})"));
        }
    }

    /// <summary>The IDs of the public surface, and those of them the XML file next to the assembly gives no summary.</summary>
    private static (List<string> Surface, List<string> Undocumented) Scan(Assembly assembly)
    {
        var xmlFile = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.That(File.Exists(xmlFile), Is.True, $"{xmlFile} is missing: the library must be built with GenerateDocumentationFile.");
        var documented = XDocument.Load(xmlFile).Descendants("member")
            .Where(member => member.Element("inheritdoc") is not null || !string.IsNullOrWhiteSpace(member.Element("summary")?.Value))
            .Select(member => (string)member.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var surface = PublicSurface(assembly).Select(XmlDocId.Of).ToList();
        return (surface, surface.Where(id => !documented.Contains(id)).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Types a caller can name, and their members a caller can reach (public, or protected in an unsealed type).</summary>
    private static IEnumerable<MemberInfo> PublicSurface(Assembly library)
    {
        foreach (var type in library.GetExportedTypes().Where(type => !IsCompilerGenerated(type)))
        {
            yield return type;
            if (typeof(Delegate).IsAssignableFrom(type))
            {
                continue;
            }

            foreach (var member in type.GetMembers(Declared).Where(member => IsVisible(member, type) && !IsCompilerGenerated(member) && member is not Type))
            {
                yield return member;
            }
        }
    }

    private static bool IsVisible(MemberInfo member, Type declaringType)
    {
        var (isPublic, isProtected) = member switch
        {
            MethodBase method => (method.IsPublic, method.IsFamily || method.IsFamilyOrAssembly),
            FieldInfo field => (field.IsPublic, field.IsFamily || field.IsFamilyOrAssembly),
            PropertyInfo property => Accessors(property.GetAccessors(nonPublic: true)),
            EventInfo @event => Accessors([@event.AddMethod!]),
            _ => (false, false),
        };

        // Accessors and enum backing fields are documented through the property, event or enum.
        var isPart = member is MethodBase { IsSpecialName: true } and not ConstructorInfo && !member.Name.StartsWith("op_", StringComparison.Ordinal)
            || member is FieldInfo { IsSpecialName: true };
        return !isPart && (isPublic || (isProtected && !declaringType.IsSealed));
    }

    private static (bool IsPublic, bool IsProtected) Accessors(MethodInfo[] accessors) =>
        (accessors.Any(accessor => accessor.IsPublic), accessors.Any(accessor => accessor.IsFamily || accessor.IsFamilyOrAssembly));

    /// <summary>Members the compiler writes itself (a record's Equals, a lambda's closure): no source to document.</summary>
    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
        || (member is PropertyInfo { Name: "EqualityContract" } property && property.DeclaringType!.GetMethod("<Clone>$") is not null);
}
