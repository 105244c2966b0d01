"""What the `debris` check reads: an article's lines as units (`units`), the phrase
lexicons of its packs (`lexicon`), where the body of the article stands (`layout`), photo
captions and credits (`captions`) and the runs of furniture around the body (`runs`)."""
