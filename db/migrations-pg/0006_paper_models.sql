CREATE TABLE "paper_models" (
	"paper" text PRIMARY KEY NOT NULL,
	"model" json,
	"pages" integer NOT NULL,
	"lab_accuracy" double precision,
	"paper_accuracy" double precision,
	"trained_by_id" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "paper_models" ADD CONSTRAINT "paper_models_trained_by_id_users_id_fk" FOREIGN KEY ("trained_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;