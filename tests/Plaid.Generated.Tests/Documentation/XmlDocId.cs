using System.Reflection;
using System.Text;

namespace Plaid.Generated.Tests.Documentation;

/// <summary>
/// The ID the C# compiler gives a type or member in its XML documentation file ("T:Ns.Type",
/// "M:Ns.Type.Method(System.String,System.Int32@)", "P:Ns.Type.Name"...), built from reflection.
/// </summary>
internal static class XmlDocId
{
    public static string Of(MemberInfo member) => member switch
    {
        Type type => "T:" + TypeName(type),
        ConstructorInfo constructor => "M:" + TypeName(constructor.DeclaringType!) + "." + constructor.Name.Replace('.', '#') + Parameters(constructor.GetParameters()),
        MethodInfo method => "M:" + TypeName(method.DeclaringType!) + "." + method.Name.Replace('.', '#')
            + (method.IsGenericMethodDefinition ? "``" + method.GetGenericArguments().Length : "")
            + Parameters(method.GetParameters())
            + (method.Name is "op_Implicit" or "op_Explicit" ? "~" + TypeReference(method.ReturnType) : ""),
        PropertyInfo property => "P:" + TypeName(property.DeclaringType!) + "." + property.Name + Parameters(property.GetIndexParameters()),
        FieldInfo field => "F:" + TypeName(field.DeclaringType!) + "." + field.Name,
        EventInfo @event => "E:" + TypeName(@event.DeclaringType!) + "." + @event.Name,
        _ => throw new ArgumentException($"No documentation ID for a {member.MemberType}.", nameof(member)),
    };

    /// <summary>A type as it is declared: nested types joined with '.', generic arity as "`2".</summary>
    private static string TypeName(Type type) =>
        type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : type.Namespace is null ? type.Name : type.Namespace + "." + type.Name;

    private static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(parameter => TypeReference(parameter.ParameterType))) + ")";

    /// <summary>A type as a parameter names it: constructed generics in braces, generic parameters by position.</summary>
    private static string TypeReference(Type type)
    {
        if (type.IsByRef)
        {
            return TypeReference(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return TypeReference(type.GetElementType()!) + (type.GetArrayRank() == 1 ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", type.GetArrayRank())) + "]");
        }

        if (type.IsPointer)
        {
            return TypeReference(type.GetElementType()!) + "*";
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        if (!type.IsGenericType)
        {
            return TypeName(type);
        }

        var name = new StringBuilder();
        var arguments = type.GetGenericArguments();
        var used = 0;
        foreach (var part in NestingChain(type))
        {
            if (name.Length > 0)
            {
                name.Append('.');
            }
            else if (part.Namespace is not null)
            {
                name.Append(part.Namespace).Append('.');
            }

            var tick = part.Name.IndexOf('`', StringComparison.Ordinal);
            name.Append(tick < 0 ? part.Name : part.Name[..tick]);
            var own = part.GetGenericArguments().Length - used;
            if (own > 0)
            {
                name.Append('{').Append(string.Join(",", arguments.Skip(used).Take(own).Select(TypeReference))).Append('}');
                used += own;
            }
        }

        return name.ToString();
    }

    private static IEnumerable<Type> NestingChain(Type type) =>
        type.IsNested ? NestingChain(type.DeclaringType!).Append(type) : [type];
}
