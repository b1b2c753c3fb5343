using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;

namespace CxReports.Server.Serving;

/// <summary>
/// Turns the report files into a model: <see cref="ModelBinder.Compile"/>. A service so that the reloader's promise,
/// "whatever the compiler does with a file, the server keeps serving", can be tested with a compiler that fails the
/// way a bug would.
/// </summary>
public delegate BindResult CompileModel(IReadOnlyList<SourceFile> files);
