import NextAuth from "next-auth";
import { authOptions } from "@/services/auth";

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Options are built per request so the secret comes from lib/env at run time, not at build time.
const handler: Handler = (req, ctx) => NextAuth(req as never, ctx as never, authOptions());

export { handler as GET, handler as POST };
