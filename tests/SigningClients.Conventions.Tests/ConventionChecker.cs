using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Serialization;

namespace SigningClients.Conventions.Tests;

/// <summary>
/// The shared skeleton every provider package follows, as checks that return violations (empty = conforming). Each
/// check takes types, so a deliberately drifted sample can prove that the check fails.
/// </summary>
public static partial class ConventionChecker
{
    private static readonly string[] SecretNames = ["Password", "Secret", "Token", "AccessCode", "ApiKey"];

    /// <summary>The client class: sealed, implements I{Name}, IDisposable, a public const ProviderName, and exactly the two standard constructors.</summary>
    public static IEnumerable<string> CheckClient(Type client, Type options)
    {
        var name = client.Name;
        if (!client.IsSealed)
        {
            yield return name + " is not sealed";
        }

        if (client.GetInterface("I" + name) is null)
        {
            yield return name + " does not implement I" + name;
        }

        if (!typeof(IDisposable).IsAssignableFrom(client))
        {
            yield return name + " is not IDisposable";
        }

        var providerName = client.GetField("ProviderName", BindingFlags.Public | BindingFlags.Static);
        if (providerName is null || !providerName.IsLiteral || providerName.FieldType != typeof(string) || string.IsNullOrEmpty((string?)providerName.GetRawConstantValue()))
        {
            yield return name + " has no public const string ProviderName";
        }

        var expected = new[]
        {
            new[] { options, typeof(HttpClient), typeof(ILoggerFactory), typeof(TimeProvider) },
            new[] { options, typeof(Func<HttpClient>), typeof(ILoggerFactory), typeof(TimeProvider) },
        };
        var actual = client.GetConstructors().Select(c => c.GetParameters()).ToList();
        foreach (var shape in expected)
        {
            var match = actual.FirstOrDefault(p => p.Select(x => x.ParameterType).SequenceEqual(shape));
            if (match is null)
            {
                yield return name + " lacks the constructor (" + string.Join(", ", shape.Select(t => t.Name)) + ")";
            }
            else if (match.Skip(1).Any(p => !p.IsOptional || p.DefaultValue is not null) && shape[1] == typeof(HttpClient))
            {
                yield return name + "'s constructor (" + options.Name + ", HttpClient?, ...) must default every argument after the options to null";
            }
        }

        if (actual.Count != expected.Length)
        {
            yield return name + " has " + actual.Count + " public constructors, expected " + expected.Length;
        }

        foreach (var property in client.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            if (property.PropertyType == typeof(int) || property.PropertyType == typeof(long))
            {
                yield return name + "." + property.Name + " is a public counter (test instrumentation belongs in the simulators)";
            }
        }
    }

    /// <summary>The escape hatch every client has (or none would): a read-only public <c>Pipeline</c> of type <see cref="SigningPipeline"/>.</summary>
    public static IEnumerable<string> CheckEscapeHatch(Type client)
    {
        var pipeline = client.GetProperty("Pipeline", BindingFlags.Public | BindingFlags.Instance);
        if (pipeline is null || pipeline.PropertyType != typeof(SigningPipeline))
        {
            yield return client.Name + " has no public SigningPipeline Pipeline (the escape hatch for calls the client does not model)";
        }
        else if (pipeline.SetMethod is { IsPublic: true })
        {
            yield return client.Name + ".Pipeline is settable";
        }
    }

    /// <summary>
    /// Known provider errors follow one pattern: a public static <c>{Provider}Errors</c> class in the package's root
    /// namespace holding only <c>const string</c> codes and <c>bool Is…(this SigningApiException)</c> predicates, one of
    /// them an <c>Is…Gone</c> ("resource gone") predicate; no public exception type derives from <see cref="SigningApiException"/>.
    /// </summary>
    public static IEnumerable<string> CheckKnownErrors(IEnumerable<Type> publicTypes, string provider, string rootNamespace)
    {
        var types = publicTypes.ToList();
        foreach (var subclass in types.Where(t => typeof(SigningApiException).IsAssignableFrom(t) && t != typeof(SigningApiException)))
        {
            yield return subclass.Name + " derives from SigningApiException (known errors are codes and predicates in " + provider + "Errors, not subclasses)";
        }

        var errors = types.FirstOrDefault(t => t.Name == provider + "Errors");
        if (errors is null)
        {
            yield return "no public " + provider + "Errors class";
            yield break;
        }

        if (!(errors.IsAbstract && errors.IsSealed))
        {
            yield return errors.Name + " is not static";
        }

        if (errors.Namespace != rootNamespace)
        {
            yield return errors.Name + " is in namespace " + errors.Namespace + ", expected " + rootNamespace;
        }

        foreach (var field in errors.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Where(f => !(f.IsLiteral && f.FieldType == typeof(string))))
        {
            yield return errors.Name + "." + field.Name + " is not a const string error code";
        }

        foreach (var property in errors.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance))
        {
            yield return errors.Name + "." + property.Name + " is a property (codes are const strings, errors are predicates)";
        }

        var methods = errors.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        foreach (var method in methods)
        {
            var parameters = method.GetParameters();
            bool predicate = method.Name.StartsWith("Is", StringComparison.Ordinal) && method.ReturnType == typeof(bool) &&
                method.IsDefined(typeof(ExtensionAttribute), false) && parameters.Length == 1 && parameters[0].ParameterType == typeof(SigningApiException);
            if (!predicate)
            {
                yield return errors.Name + "." + method.Name + " is not a 'bool Is…(this SigningApiException)' predicate";
            }
        }

        if (!methods.Any(m => m.Name.StartsWith("Is", StringComparison.Ordinal) && m.Name.EndsWith("Gone", StringComparison.Ordinal)))
        {
            yield return errors.Name + " has no Is…Gone predicate (the resource-gone error)";
        }
    }

    /// <summary>Every provider error parser is internal, named {Provider}ErrorParser, in the package's Serialization namespace.</summary>
    public static IEnumerable<string> CheckErrorParsers(IEnumerable<Type> allTypes, string provider, string rootNamespace)
    {
        var parsers = allTypes.Where(t => typeof(ProviderErrorParser).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        if (parsers.Count == 0)
        {
            yield return "no " + provider + "ErrorParser (a ProviderErrorParser) in the package";
        }

        foreach (var parser in parsers)
        {
            if (parser.IsVisible)
            {
                yield return parser.FullName + " is public (error parsers are internal)";
            }

            if (parser.Namespace != rootNamespace + ".Serialization")
            {
                yield return parser.FullName + " is not in " + rootNamespace + ".Serialization";
            }

            if (parser.Name != provider + "ErrorParser")
            {
                yield return parser.FullName + " should be named " + provider + "ErrorParser";
            }
        }
    }

    /// <summary>The neutral signing provider: Add{Provider}SigningProvider(services, name = provider, clientName = "", configure = null) in Microsoft.Extensions.DependencyInjection.</summary>
    public static IEnumerable<string> CheckSigningProviderRegistration(Type extensions, string provider, Type providerOptions)
    {
        string method = "Add" + provider + "SigningProvider";
        if (extensions.Namespace != "Microsoft.Extensions.DependencyInjection" || extensions.Name != provider + "SigningServiceCollectionExtensions")
        {
            yield return extensions.FullName + " should be Microsoft.Extensions.DependencyInjection." + provider + "SigningServiceCollectionExtensions";
        }

        var shape = new[] { typeof(IServiceCollection), typeof(string), typeof(string), typeof(Action<>).MakeGenericType(providerOptions) };
        var methods = extensions.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        var match = methods.FirstOrDefault(m => m.Name == method && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(shape));
        if (match is null)
        {
            yield return extensions.Name + " lacks " + method + "(IServiceCollection, string name, string clientName, Action<" + providerOptions.Name + ">)";
            yield break;
        }

        if (match.ReturnType != typeof(IServiceCollection))
        {
            yield return method + " returns " + match.ReturnType.Name + ", expected IServiceCollection";
        }

        var p = match.GetParameters();
        if (!(p[1].Name == "name" && Equals(p[1].DefaultValue, provider) && p[2].Name == "clientName" && Equals(p[2].DefaultValue, string.Empty) && p[3].Name == "configure" && p[3].IsOptional))
        {
            yield return method + " must be (services, string name = \"" + provider + "\", string clientName = \"\", configure = null)";
        }

        foreach (var other in methods.Where(m => m.Name != method))
        {
            yield return extensions.Name + "." + other.Name + " is not named " + method;
        }
    }

    /// <summary>DI: Add{Provider}Client with the four standard overloads, all returning IHttpClientBuilder, in Microsoft.Extensions.DependencyInjection.</summary>
    public static IEnumerable<string> CheckDependencyInjection(Type extensions, string provider, Type options)
    {
        string method = "Add" + provider + "Client";
        if (extensions.Namespace != "Microsoft.Extensions.DependencyInjection")
        {
            yield return extensions.Name + " is in namespace " + extensions.Namespace + ", expected Microsoft.Extensions.DependencyInjection";
        }

        if (extensions.Name != provider + "ServiceCollectionExtensions")
        {
            yield return extensions.Name + " should be named " + provider + "ServiceCollectionExtensions";
        }

        var configure = typeof(Action<>).MakeGenericType(options);
        var shapes = new[]
        {
            new[] { typeof(IServiceCollection), configure },
            new[] { typeof(IServiceCollection), typeof(IConfiguration) },
            new[] { typeof(IServiceCollection), typeof(string), configure },
            new[] { typeof(IServiceCollection), typeof(string), typeof(IConfiguration) },
        };
        var methods = extensions.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.IsDefined(typeof(ExtensionAttribute), false)).ToList();
        foreach (var shape in shapes)
        {
            var match = methods.FirstOrDefault(m => m.Name == method && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(shape));
            if (match is null)
            {
                yield return extensions.Name + " lacks " + method + "(" + string.Join(", ", shape.Select(t => t.Name)) + ")";
            }
            else if (match.ReturnType != typeof(IHttpClientBuilder))
            {
                yield return method + " returns " + match.ReturnType.Name + ", expected IHttpClientBuilder";
            }
        }

        foreach (var other in methods.Where(m => m.Name != method))
        {
            yield return extensions.Name + "." + other.Name + " is not named " + method;
        }
    }

    /// <summary>Every public async method (Task, ValueTask, AsyncPageable, IAsyncEnumerable) ends with "CancellationToken cancellationToken = default".</summary>
    public static IEnumerable<string> CheckCancellation(IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.IsSpecialName || !IsAsync(method.ReturnType) || method.Name is "DisposeAsync")
                {
                    continue;
                }

                var parameters = method.GetParameters();
                var last = parameters.LastOrDefault();
                if (last is null || last.ParameterType != typeof(CancellationToken))
                {
                    yield return type.Name + "." + method.Name + " does not take a CancellationToken last";
                }
                else if (!last.IsOptional || last.Name != "cancellationToken")
                {
                    yield return type.Name + "." + method.Name + "'s CancellationToken must be 'cancellationToken = default'";
                }

                foreach (var p in parameters.Take(parameters.Length - 1).Where(p => p.ParameterType == typeof(CancellationToken)))
                {
                    yield return type.Name + "." + method.Name + " takes a CancellationToken before the last parameter (" + p.Name + ")";
                }
            }
        }
    }

    /// <summary>An options object whose secret-named string properties hold sentinels never prints them in ToString().</summary>
    public static IEnumerable<string> CheckSecretsMasked(Type options)
    {
        var instance = Activator.CreateInstance(options)!;
        var secrets = new List<string>();
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(string) && property.CanWrite && SecretNames.Any(s => property.Name.Contains(s, StringComparison.Ordinal)))
            {
                string sentinel = "sentinel-" + property.Name + "-" + Guid.NewGuid().ToString("N");
                property.SetValue(instance, sentinel);
                secrets.Add(sentinel);
            }
        }

        if (secrets.Count == 0)
        {
            yield return options.Name + " has no secret-named settings to check (expected at least one credential)";
        }

        string text = instance.ToString() ?? string.Empty;
        if (text == options.FullName)
        {
            yield return options.Name + " does not override ToString()";
        }

        foreach (var secret in secrets.Where(s => text.Contains(s, StringComparison.Ordinal)))
        {
            yield return options.Name + ".ToString() shows " + secret.Split('-')[1];
        }
    }

    /// <summary>Every public extensible enum struct carries a [JsonConverter].</summary>
    public static IEnumerable<string> CheckExtensibleEnums(IEnumerable<Type> types)
    {
        foreach (var type in types.Where(t => t.IsValueType && typeof(IExtensibleEnum).IsAssignableFrom(t)))
        {
            if (type.GetCustomAttribute<JsonConverterAttribute>() is null)
            {
                yield return type.FullName + " has no [JsonConverter]";
            }
        }
    }

    /// <summary>No public static mutable state (thread-safe singletons, no global counters).</summary>
    public static IEnumerable<string> CheckNoStaticMutableState(IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(f => !f.IsLiteral && !f.IsInitOnly))
            {
                yield return type.Name + "." + field.Name + " is a public static mutable field";
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(p => p.SetMethod is { IsPublic: true }))
            {
                yield return type.Name + "." + property.Name + " is a public static settable property";
            }
        }
    }

    /// <summary>
    /// Every date and instant is a <see cref="DateTimeOffset"/>: no public property, field, parameter or return value
    /// (nullable, array or generic argument included) is a <see cref="DateTime"/> or <c>DateOnly</c>. A value that is a
    /// calendar date on the wire (ConsignO <c>expiresOn</c>, Signant <c>DateOfBirthRequired</c>) is a DateTimeOffset
    /// too, documented as "its calendar date in its own offset is sent" (the Azure SDK's choice; netstandard2.0 has no
    /// DateOnly, and a DateTime's Kind makes an instant ambiguous).
    /// </summary>
    public static IEnumerable<string> CheckDatesAreDateTimeOffset(IEnumerable<Type> types)
    {
        foreach (var (type, member, memberType) in PublicMemberTypes(types))
        {
            if (Mentions(memberType, t => t == typeof(DateTime) || t.FullName is "System.DateOnly" or "System.TimeOnly"))
            {
                yield return type.Name + "." + member + " uses " + Describe(memberType) + " (every date and instant is a DateTimeOffset)";
            }
        }
    }

    /// <summary>
    /// Positions and sizes on a page are <see cref="double"/> in every package (PDF user space is real-valued and every
    /// PDF and drawing API speaks double; decimal is for money): a coordinate-named property, field or parameter
    /// (X, Y, PositionX, Llx, XOffset, Width, Height, ...) of a non-integer type that is not double is a violation.
    /// Integer sizes (a thumbnail's width in pixels, a page number) are another kind of value and are not checked.
    /// </summary>
    public static IEnumerable<string> CheckCoordinatesAreDouble(IEnumerable<Type> types) =>
        CheckNamedNumbers(types, CoordinateName, [typeof(decimal), typeof(float), typeof(Half)], "positions and sizes are double in every package");

    /// <summary>
    /// Money and amounts are <see cref="decimal"/> in every package (binary floating point cannot hold 0.10 exactly):
    /// a money-named property, field or parameter (Amount, Price, Cost, Fee, Charge, Balance, Tax, Vat, or a name
    /// ending in one of them, such as TotalAmount or UnitPrice) of type double, float or Half is a violation.
    /// </summary>
    public static IEnumerable<string> CheckMoneyIsDecimal(IEnumerable<Type> types) =>
        CheckNamedNumbers(types, MoneyName, [typeof(double), typeof(float), typeof(Half)], "money and amounts are decimal in every package");

    /// <summary>Members whose name (a parameter's own name for parameters) matches <paramref name="name"/> and whose type (nullable or not) is one of <paramref name="wrong"/>.</summary>
    private static IEnumerable<string> CheckNamedNumbers(IEnumerable<Type> types, System.Text.RegularExpressions.Regex name, Type[] wrong, string rule)
    {
        foreach (var (type, member, memberType) in PublicMemberTypes(types))
        {
            var ownName = member.Contains('(', StringComparison.Ordinal) ? member.Substring(member.IndexOf('(', StringComparison.Ordinal) + 1).TrimEnd(')') : member;
            if (name.IsMatch(ownName) && wrong.Contains(Nullable.GetUnderlyingType(memberType) ?? memberType))
            {
                yield return type.Name + "." + member + " is " + Describe(memberType) + " (" + rule + ")";
            }
        }
    }

    private static readonly System.Text.RegularExpressions.Regex MoneyName = new(
        "(amount|price|cost|fee|charge|balance|tax|vat)$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex CoordinateName = new(
        "^(x|y|left|top|right|bottom|width|height|position[xy]|zone[xy]|[xy]offset|offset[xy]|llx|lly|urx|ury)$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Every public property, field, method return value and method/constructor parameter, with its type; parameters are named Method(parameter).</summary>
    private static IEnumerable<(Type Type, string Member, Type MemberType)> PublicMemberTypes(IEnumerable<Type> types)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in types)
        {
            foreach (var property in type.GetProperties(Flags))
            {
                yield return (type, property.Name, property.PropertyType);
            }

            foreach (var field in type.GetFields(Flags))
            {
                yield return (type, field.Name, field.FieldType);
            }

            foreach (var method in type.GetMethods(Flags).Where(m => !m.IsSpecialName))
            {
                yield return (type, method.Name + "()", method.ReturnType);
                foreach (var parameter in method.GetParameters())
                {
                    yield return (type, method.Name + "(" + parameter.Name + ")", parameter.ParameterType);
                }
            }

            foreach (var parameter in type.GetConstructors().SelectMany(c => c.GetParameters()))
            {
                yield return (type, ".ctor(" + parameter.Name + ")", parameter.ParameterType);
            }
        }
    }

    private static bool Mentions(Type type, Func<Type, bool> predicate)
    {
        if (type.HasElementType)
        {
            return Mentions(type.GetElementType()!, predicate);
        }

        return predicate(type) || (type.IsGenericType && type.GetGenericArguments().Any(a => Mentions(a, predicate)));
    }

    private static string Describe(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? inner.Name + "?" :
        type.IsGenericType ? type.Name.Split('`')[0] + "<" + string.Join(", ", type.GetGenericArguments().Select(Describe)) + ">" :
        type.Name;

    private static bool IsAsync(Type type)
    {
        if (type == typeof(Task) || type == typeof(ValueTask))
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return type.BaseType is { } b && b.IsGenericType && b.GetGenericTypeDefinition() == typeof(AsyncPageable<>);
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(AsyncPageable<>) || definition == typeof(IAsyncEnumerable<>);
    }
}
