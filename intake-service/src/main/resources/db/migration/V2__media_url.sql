-- Open311 media_url and the REST mediaUrl: a link to a photo of the matter.
alter table intake_case add column media_url text;
